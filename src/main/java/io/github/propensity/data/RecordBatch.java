// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/**
 * Consecutive records of a CSV, with the line each starts on for error reports: what a worker splits a
 * {@link RecordChunk} into and then encodes or scores ({@link InOrderPipeline}).
 *
 * @param rows    [record] its fields; only the first {@code size} are set
 * @param lines   [record] the 1-based line the record starts on
 * @param failure null, or why the record after the last one could not be read: the reader stops there, and the
 *                caller reports it once the rows before it are dealt with ({@link #failIfCutShort()}), so that the
 *                first bad line of a file is the one named
 */
public record RecordBatch(String[][] rows, long[] lines, int size, DataException failure) {
    public static final int DEFAULT_ROWS = 2048;

    /** Throws the failure that ended this batch, if any; call it after the batch's rows were handled. */
    public void failIfCutShort() {
        if (failure != null) {
            throw failure;
        }
    }
}
