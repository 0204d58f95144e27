// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/** Consecutive input records handed to one scoring thread, with their line numbers for error reports. */
record RowBatch(String[][] rows, long[] lines, int size) {
}
