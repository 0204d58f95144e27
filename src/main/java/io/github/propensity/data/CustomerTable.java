// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A customer CSV held in memory for training and evaluation: the header, the rows (each as many fields as the
 * header) and each row's line in the file, so that later checks can still point at the offending line.
 *
 * @param source the file it was read from
 * @param sha256 hash of the file's bytes, recorded in model cards as the data's provenance
 */
public record CustomerTable(Path source, String sha256, List<String> header, List<String[]> rows, long[] lines) {
    public CustomerTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row is required");
        }
        lines = lines.clone();
    }

    /** Reads a whole CSV file; {@code separator} null means detect it. */
    public static CustomerTable read(Path file, Character separator) {
        try (CsvRecordReader reader = CsvRecordReader.open(file, separator)) {
            List<String[]> rows = new ArrayList<>();
            long[] lines = new long[1024];
            String[] fields;
            while ((fields = reader.next()) != null) {
                if (rows.size() == lines.length) {
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                lines[rows.size()] = reader.lineNumber();
                rows.add(fields);
            }
            return new CustomerTable(file, reader.sha256Hex(), reader.header(), rows,
                    Arrays.copyOf(lines, rows.size()));
        }
    }

    public int rowCount() {
        return rows.size();
    }

    /** Index of a column, or -1. */
    public int columnIndex(String name) {
        return header.indexOf(name);
    }

    public String value(int row, int column) {
        return rows.get(row)[column];
    }

    public long line(int row) {
        return lines[row];
    }
}
