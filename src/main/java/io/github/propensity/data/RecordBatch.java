// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/**
 * Consecutive records of a CSV, with the line each starts on for error reports: the unit that is parsed on the
 * reading thread and then encoded or scored on a worker ({@link InOrderPipeline}).
 *
 * @param rows    [record] its fields; only the first {@code size} are set
 * @param lines   [record] the 1-based line the record starts on
 * @param failure null, or why the record after the last one could not be read: the reader stops there, and the
 *                caller reports it once the rows before it are dealt with ({@link #failIfCutShort()}), so that the
 *                first bad line of a file is the one named
 */
public record RecordBatch(String[][] rows, long[] lines, int size, DataException failure) {
    public static final int DEFAULT_ROWS = 2048;

    /**
     * The next records, up to {@code maxRows}, or null at the end of the file.
     *
     * @param anyWidth true to return ragged records for the caller to count (as {@link CsvRecordReader#nextAnyWidth}),
     *                 false to stop at the first one (as {@link CsvRecordReader#next})
     */
    public static RecordBatch read(CsvRecordReader reader, int maxRows, boolean anyWidth) {
        String[][] rows = new String[maxRows][];
        long[] lines = new long[maxRows];
        int size = 0;
        String[] fields;
        try {
            while (size < maxRows && (fields = anyWidth ? reader.nextAnyWidth() : reader.next()) != null) {
                rows[size] = fields;
                lines[size] = reader.lineNumber();
                size++;
            }
        } catch (DataException e) {
            if (size == 0) {
                throw e;
            }
            return new RecordBatch(rows, lines, size, e);
        }
        return size == 0 ? null : new RecordBatch(rows, lines, size, null);
    }

    /** Throws the failure that ended this batch, if any; call it after the batch's rows were handled. */
    public void failIfCutShort() {
        if (failure != null) {
            throw failure;
        }
    }
}
