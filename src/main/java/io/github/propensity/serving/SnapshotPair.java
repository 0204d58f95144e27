// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.DataException;
import io.github.propensity.data.RecordSource;
import io.github.propensity.scoring.LongIntMap;
import io.github.propensity.scoring.SnapshotScores;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Migration between any two snapshots, counted from their scores files: the dashboard's picker and its cell
 * downloads. The older file is held as 64-bit id hashes with one label index per dimension and customer (about 30
 * bytes a customer with five dimensions); the newer one is streamed. Rescoring counts its stored
 * {@code migration.csv} by the same rules, so a snapshot against the one before it gives the same matrix either way.
 *
 * <p>The dimensions are the segment, each {@code <task>_band} both files hold, and the persona when both carry one.
 * A customer only in the newer file comes from {@code (new)}, one only in the older goes to {@code (gone)}; a
 * customer without a persona in the newer file is not counted in that dimension, as in rescoring.
 */
final class SnapshotPair {
    /** Labels one dimension may have in a file: each is held as one byte per customer. */
    static final int MAX_LABELS = 255;
    private static final String SEGMENT = "segment";
    private static final String PERSONA = "persona";

    private final String newerId;
    private final String olderId;
    private final SnapshotScores newer;
    private final SnapshotScores older;

    /**
     * @param newer the scores of the snapshot customers moved to
     * @param older the scores of the snapshot they moved from; each file's id column is its own manifest's, and
     *              columns are found by name, so a CSV and a Parquet snapshot (whose segment column comes last) pair up
     */
    SnapshotPair(String newerId, SnapshotScores newer, String olderId, SnapshotScores older) {
        this.newerId = newerId;
        this.olderId = olderId;
        this.newer = newer;
        this.older = older;
    }

    /** The from-to matrices of every dimension, labels ordered as in the stored migration. */
    SnapshotMigration matrix(List<String> segmentOrder) {
        OlderCustomers held = readOlder();
        try (RecordSource reader = newer.open(held.dimensions)) {
            List<String> header = reader.header();
            List<String> dimensions = held.dimensions;
            int[] columns = dimensions.stream().mapToInt(header::indexOf).toArray();
            int id = newer.idIndex(header);
            List<DimensionCounts> counts = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                counts.add(new DimensionCounts(newer.file(), dimensions.get(d), held.labelCount(d)));
            }
            String[] fields;
            while ((fields = reader.next()) != null) {
                int customer = held.seeIn(fields[id]);
                for (int d = 0; d < dimensions.size(); d++) {
                    String to = fields[columns[d]];
                    if (!to.isEmpty()) {
                        counts.get(d).add(held.code(d, customer), to, reader.lineNumber());
                    }
                }
            }
            held.forEachUnseen(customer -> {
                for (int d = 0; d < dimensions.size(); d++) {
                    int from = held.code(d, customer);
                    if (from != 0) {
                        counts.get(d).addGone(from);
                    }
                }
            });
            List<SnapshotMigration.Dimension> matrices = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                Map<String, Map<String, Long>> cells = counts.get(d).cells(held.labels.get(d));
                if (!cells.isEmpty()) {
                    matrices.add(SnapshotMigration.matrix(dimensions.get(d), cells,
                            SnapshotMigration.labelOrder(dimensions.get(d), segmentOrder)));
                }
            }
            return new SnapshotMigration(newerId, olderId, matrices);
        }
    }

    /**
     * Streams the customers of one cell: the id, where they were and are, then the rest of their newer row (or, for
     * {@code (gone)}, the older row's values of the same columns).
     */
    void customers(String dimension, String from, String to, SegmentLists.RowSink sink) {
        OlderCustomers held = readOlder();
        int d = held.dimensions.indexOf(dimension);
        if (d < 0) {
            throw new InvalidInputException("dimension must be one of " + String.join(", ", held.dimensions) + ", not '" + dimension + "'");
        }
        List<String> header;
        int idColumn;
        try (RecordSource reader = newer.open()) {
            header = reader.header();
            idColumn = newer.idIndex(header);
            sink.header(outputHeader(header, idColumn));
            int column = header.indexOf(dimension);
            String[] fields;
            while ((fields = reader.next()) != null) {
                int customer = held.seeIn(fields[idColumn]);
                if (fields[column].equals(to) && held.label(d, customer).equals(from)) {
                    sink.row(outputRow(fields, idColumn, from, to));
                }
            }
        }
        if (!to.equals(SnapshotMigration.GONE) || from.equals(SnapshotMigration.NEW)) {
            return;
        }
        try (RecordSource reader = older.open()) {
            List<String> olderHeader = reader.header();
            int olderId = older.idIndex(olderHeader);
            int[] sameColumn = header.stream().mapToInt(olderHeader::indexOf).toArray();
            // The id is the newer file's column, whatever the older file named its own.
            sameColumn[idColumn] = olderId;
            String[] fields;
            while ((fields = reader.next()) != null) {
                int customer = held.customerOf(fields[olderId]);
                // Written once: the first row of an id that the newer file no longer holds.
                if (held.takeUnseen(customer) && held.label(d, customer).equals(from)) {
                    String[] aligned = new String[header.size()];
                    for (int c = 0; c < aligned.length; c++) {
                        aligned[c] = sameColumn[c] < 0 ? "" : fields[sameColumn[c]];
                    }
                    sink.row(outputRow(aligned, idColumn, from, to));
                }
            }
        }
    }

    /** The id, from, to, then the file's other columns in its order. */
    private static List<String> outputHeader(List<String> header, int id) {
        List<String> columns = new ArrayList<>();
        columns.add(header.get(id));
        columns.add("from");
        columns.add("to");
        for (int c = 0; c < header.size(); c++) {
            if (c != id) {
                columns.add(header.get(c));
            }
        }
        return columns;
    }

    private static String[] outputRow(String[] fields, int id, String from, String to) {
        String[] row = new String[fields.length + 2];
        row[0] = fields[id];
        row[1] = from;
        row[2] = to;
        int next = 3;
        for (int c = 0; c < fields.length; c++) {
            if (c != id) {
                row[next++] = fields[c];
            }
        }
        return row;
    }

    /** The dimensions both files hold, in the newer file's column order with the segment first. */
    private static List<String> dimensions(List<String> newerHeader, List<String> olderHeader) {
        List<String> dimensions = new ArrayList<>();
        if (newerHeader.contains(SEGMENT) && olderHeader.contains(SEGMENT)) {
            dimensions.add(SEGMENT);
        }
        for (String column : newerHeader) {
            if ((column.endsWith("_band") || column.equals(PERSONA)) && olderHeader.contains(column)) {
                dimensions.add(column);
            }
        }
        return dimensions;
    }

    private OlderCustomers readOlder() {
        List<String> newerHeader;
        try (RecordSource reader = newer.open()) {
            newerHeader = reader.header();
        }
        List<String> olderHeader;
        try (RecordSource reader = older.open()) {
            olderHeader = reader.header();
        }
        List<String> dimensions = dimensions(newerHeader, olderHeader);
        try (RecordSource reader = older.open(dimensions)) {
            List<String> header = reader.header();
            OlderCustomers held = new OlderCustomers(older.file(), dimensions);
            int id = older.idIndex(header);
            int[] columns = held.dimensions.stream().mapToInt(header::indexOf).toArray();
            String[] fields;
            while ((fields = reader.next()) != null) {
                held.add(fields[id], fields, columns, reader.lineNumber());
            }
            return held;
        }
    }

    /** The older snapshot's customers: an id hash to an ordinal, and per dimension a label index per ordinal. */
    private static final class OlderCustomers {
        private final Path file;
        private final List<String> dimensions;
        private final LongIntMap ordinals = new LongIntMap(1 << 16);
        private final List<List<String>> labels = new ArrayList<>();
        private final List<Map<String, Integer>> labelIndex = new ArrayList<>();
        /** [dimension][ordinal] label index + 1; 0 for an empty cell. */
        private final byte[][] codes;
        private int capacity = 1024;
        private final BitSet seen = new BitSet();
        private int size;

        OlderCustomers(Path file, List<String> dimensions) {
            this.file = file;
            this.dimensions = List.copyOf(dimensions);
            this.codes = new byte[dimensions.size()][capacity];
            for (int d = 0; d < dimensions.size(); d++) {
                labels.add(new ArrayList<>());
                labelIndex.add(new HashMap<>());
            }
        }

        void add(String id, String[] fields, int[] columns, long line) {
            if (!ordinals.putIfAbsent(LongIntMap.hash(id), size)) {
                return;
            }
            if (size == capacity) {
                capacity *= 2;
                for (int d = 0; d < codes.length; d++) {
                    codes[d] = Arrays.copyOf(codes[d], capacity);
                }
            }
            for (int d = 0; d < dimensions.size(); d++) {
                String label = fields[columns[d]];
                if (!label.isEmpty()) {
                    Integer index = labelIndex.get(d).get(label);
                    if (index == null) {
                        if (labels.get(d).size() == MAX_LABELS) {
                            throw DataException.at(file, line, dimensions.get(d) + " has more than " + MAX_LABELS + " different values");
                        }
                        index = labels.get(d).size();
                        labels.get(d).add(label);
                        labelIndex.get(d).put(label, index);
                    }
                    codes[d][size] = (byte) (index + 1);
                }
            }
            size++;
        }

        /** The ordinal of a customer of the newer file, marked as seen; -1 when the older file does not hold them. */
        int seeIn(String id) {
            int customer = customerOf(id);
            if (customer >= 0) {
                seen.set(customer);
            }
            return customer;
        }

        int customerOf(String id) {
            return ordinals.get(LongIntMap.hash(id));
        }

        /** True once for each customer the newer file did not hold. */
        boolean takeUnseen(int customer) {
            if (customer < 0 || seen.get(customer)) {
                return false;
            }
            seen.set(customer);
            return true;
        }

        /** Where the customer was in a dimension; {@code (new)} when absent from the older file or without a label there. */
        String label(int dimension, int customer) {
            int code = code(dimension, customer);
            return code == 0 ? SnapshotMigration.NEW : labels.get(dimension).get(code - 1);
        }

        /** The customer's label index + 1 in a dimension; 0 for {@code (new)}. */
        int code(int dimension, int customer) {
            return customer < 0 ? 0 : codes[dimension][customer] & 0xff;
        }

        int labelCount(int dimension) {
            return labels.get(dimension).size();
        }

        void forEachUnseen(IntConsumer action) {
            for (int customer = seen.nextClearBit(0); customer < size; customer = seen.nextClearBit(customer + 1)) {
                action.accept(customer);
            }
        }
    }

    /**
     * One dimension's from-to counts by label index, as the batch migration counts them: a customer costs one lookup
     * of the newer label and an array increment, not a string-keyed map update with a boxed count.
     */
    private static final class DimensionCounts {
        private final Path file;
        private final String dimension;
        private final Map<String, Integer> toIndex = new HashMap<>();
        private final List<String> toLabels = new ArrayList<>();
        /** [older code: 0 for (new), label index + 1][0 for (gone), newer label index + 1] customers. */
        private final long[][] counts;

        DimensionCounts(Path file, String dimension, int olderLabels) {
            this.file = file;
            this.dimension = dimension;
            this.counts = new long[olderLabels + 1][MAX_LABELS + 1];
        }

        void add(int from, String to, long line) {
            Integer index = toIndex.get(to);
            if (index == null) {
                if (toLabels.size() == MAX_LABELS) {
                    throw DataException.at(file, line, dimension + " has more than " + MAX_LABELS + " different values");
                }
                toLabels.add(to);
                index = toLabels.size();
                toIndex.put(to, index);
            }
            counts[from][index]++;
        }

        void addGone(int from) {
            counts[from][0]++;
        }

        /** The non-zero cells by label, as the stored matrix is read. */
        Map<String, Map<String, Long>> cells(List<String> fromLabels) {
            Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
            for (int from = 0; from < counts.length; from++) {
                for (int to = 0; to <= toLabels.size(); to++) {
                    if (counts[from][to] > 0) {
                        cells.computeIfAbsent(from == 0 ? SnapshotMigration.NEW : fromLabels.get(from - 1), f -> new LinkedHashMap<>())
                                .put(to == 0 ? SnapshotMigration.GONE : toLabels.get(to - 1), counts[from][to]);
                    }
                }
            }
            return cells;
        }
    }
}
