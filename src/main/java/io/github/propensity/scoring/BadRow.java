// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * A row that could not be scored: where it is and why, never what it holds (values are customer data).
 *
 * @param column the offending column, or null when the whole row is malformed
 */
public record BadRow(long line, String column, String reason) {
    public BadRow {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }
}
