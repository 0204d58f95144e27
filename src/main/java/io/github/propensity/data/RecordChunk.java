// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/**
 * Consecutive records as a {@link RecordSource} hands them to the threads that encode or score them: a CSV's still as
 * bytes, split on the worker ({@link #split}) so that splitting and decoding run on every core; a Parquet file's
 * already decoded by the reading thread.
 */
public interface RecordChunk {
    /** How many records the chunk holds (before any that cannot be split). */
    int records();

    /** Null, or why the record after this chunk's could not be read: the reader stops there. */
    DataException failure();

    /**
     * The chunk's records and their positions (lines or rows); callable on any thread.
     *
     * @param anyWidth true to keep records whatever their field count, for the caller to count (as
     *                 {@link CsvRecordReader#nextAnyWidth}); false to end the batch at the first one whose count is not
     *                 the header's, with that as its failure (as {@link RecordSource#next})
     */
    RecordBatch split(boolean anyWidth);
}
