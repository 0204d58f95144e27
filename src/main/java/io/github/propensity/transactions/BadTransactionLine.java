// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.Objects;

/** A log line that could not be used: where it is and why, never the customer it belongs to. */
public record BadTransactionLine(long line, String column, String reason) {
    public BadTransactionLine {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }

    public String describe() {
        return "line " + line + ", column '" + column + "': " + reason;
    }
}
