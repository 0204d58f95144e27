// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.scoring.Band;
import io.github.propensity.scoring.MigrationCounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's migration as one from-to matrix per dimension: its stored {@code migration.csv} (long format), counted
 * during rescoring against the snapshot that was latest then, or the matrix {@link SnapshotPair} counts for any other
 * pair by reading both scores files.
 *
 * @param snapshot the snapshot customers moved to
 * @param against  the snapshot they moved from; null for the first one
 */
public record SnapshotMigration(String snapshot, String against, List<Dimension> dimensions) {
    static final String NEW = MigrationCounts.NEW;
    static final String GONE = MigrationCounts.GONE;

    public SnapshotMigration {
        dimensions = List.copyOf(dimensions);
    }

    /**
     * One dimension's matrix: {@code customers[i][j]} moved from {@code from[i]} to {@code to[j]}. Labels come in
     * the rules' order for segments, high-medium-low for bands, else sorted; {@code (new)} and {@code (gone)} last.
     */
    public record Dimension(String name, List<String> from, List<String> to, long[][] customers) {
        public Dimension {
            from = List.copyOf(from);
            to = List.copyOf(to);
            if (customers.length != from.size()) {
                throw new IllegalArgumentException("a matrix of " + customers.length + " rows for " + from.size() + " labels");
            }
        }
    }

    /** Reads {@code migration.csv} of a snapshot; a snapshot without one (the first ever) has no dimensions. */
    static SnapshotMigration read(String snapshot, String against, Path folder, List<String> segmentOrder) {
        Path file = folder.resolve("migration.csv");
        if (!Files.exists(file)) {
            return new SnapshotMigration(snapshot, against, List.of());
        }
        Map<String, Map<String, Map<String, Long>>> cells = new LinkedHashMap<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, ',')) {
            List<String> header = reader.header();
            if (!header.equals(List.of("dimension", "from", "to", "customers"))) {
                throw DataException.inFile(file, "expected the columns dimension,from,to,customers, found " + header);
            }
            String[] fields;
            while ((fields = reader.next()) != null) {
                long customers;
                try {
                    customers = Long.parseLong(fields[3]);
                } catch (NumberFormatException e) {
                    throw DataException.at(file, reader.lineNumber(), "customers is not a whole number: '" + fields[3] + "'");
                }
                cells.computeIfAbsent(fields[0], d -> new LinkedHashMap<>()).computeIfAbsent(fields[1], f -> new LinkedHashMap<>())
                        .merge(fields[2], customers, Long::sum);
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        cells.forEach((name, rows) -> dimensions.add(matrix(name, rows, labelOrder(name, segmentOrder))));
        return new SnapshotMigration(snapshot, against, dimensions);
    }

    static Dimension matrix(String name, Map<String, Map<String, Long>> rows, Comparator<String> order) {
        List<String> from = rows.keySet().stream().sorted(order).toList();
        List<String> to = rows.values().stream().flatMap(row -> row.keySet().stream()).distinct().sorted(order).toList();
        long[][] customers = new long[from.size()][to.size()];
        for (int i = 0; i < from.size(); i++) {
            Map<String, Long> row = rows.get(from.get(i));
            for (int j = 0; j < to.size(); j++) {
                customers[i][j] = row.getOrDefault(to.get(j), 0L);
            }
        }
        return new Dimension(name, from, to, customers);
    }

    /** Segments by the rules' order (unknown ones after, by name), bands high to low, others by name; new and gone last. */
    static Comparator<String> labelOrder(String dimension, List<String> segmentOrder) {
        Comparator<String> known;
        if (dimension.equals("segment")) {
            known = Comparator.comparingInt((String label) -> segmentOrder.contains(label) ? segmentOrder.indexOf(label) : segmentOrder.size());
        } else if (dimension.endsWith("_band")) {
            known = Comparator.comparingInt(SnapshotMigration::bandRank);
        } else {
            known = (a, b) -> 0;
        }
        return Comparator.comparingInt(SnapshotMigration::markerRank).thenComparing(known).thenComparing(Comparator.naturalOrder());
    }

    private static int markerRank(String label) {
        return label.equals(NEW) || label.equals(GONE) ? 1 : 0;
    }

    private static int bandRank(String label) {
        for (Band band : Band.values()) {
            if (band.label().equals(label)) {
                return Band.values().length - 1 - band.ordinal();
            }
        }
        return Band.values().length;
    }
}
