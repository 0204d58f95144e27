// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/**
 * Consecutive records of a CSV, with the line each starts on for error reports: the unit that is parsed on the
 * reading thread and then encoded or scored on a worker ({@link InOrderPipeline}).
 *
 * @param rows  [record] its fields; only the first {@code size} are set
 * @param lines [record] the 1-based line the record starts on
 */
public record RecordBatch(String[][] rows, long[] lines, int size) {
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
        while (size < maxRows && (fields = anyWidth ? reader.nextAnyWidth() : reader.next()) != null) {
            rows[size] = fields;
            lines[size] = reader.lineNumber();
            size++;
        }
        return size == 0 ? null : new RecordBatch(rows, lines, size);
    }
}
