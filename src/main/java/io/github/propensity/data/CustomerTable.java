// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A customer table (CSV or Parquet) held in memory for training and evaluation: the header, the rows (each as many
 * fields as the header) and each row's line (a Parquet file's row) in the file, so that later checks can still point
 * at the offending line.
 *
 * @param source      the file it was read from
 * @param sha256      hash of the file's bytes, recorded in model cards as the data's provenance
 * @param storedTypes [column] how the file stores it: a Parquet file's declared types decide the columns' kinds
 */
public record CustomerTable(Path source, String sha256, List<String> header, List<String[]> rows, long[] lines,
                            List<StoredType> storedTypes) {
    public CustomerTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one line number per row is required");
        }
        lines = lines.clone();
        storedTypes = List.copyOf(storedTypes);
        if (storedTypes.size() != header.size()) {
            throw new IllegalArgumentException("one stored type per column is required");
        }
    }

    /** A table of text columns whose kinds are inferred from their values, as read from a CSV. */
    public CustomerTable(Path source, String sha256, List<String> header, List<String[]> rows, long[] lines) {
        this(source, sha256, header, rows, lines, Collections.nCopies(header.size(), StoredType.UNTYPED));
    }

    /** Reads a whole CSV or Parquet file (or folder of parts); {@code separator} null means detect it. */
    public static CustomerTable read(Path file, Character separator) {
        try (RecordSource reader = RecordSource.open(file, separator)) {
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
                    Arrays.copyOf(lines, rows.size()), reader.storedTypes());
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

    public StoredType storedType(int column) {
        return storedTypes.get(column);
    }
}
