// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;
import io.github.propensity.storage.JsonMappers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segment and band migration between the previous snapshot and this run: from-to counts of customers, with
 * {@code (new)} for customers not in the previous snapshot and {@code (gone)} for those no longer in the base.
 * The previous snapshot is held as id hashes with a packed code (segment, bands, seen-flag) per customer.
 */
final class Migration {
    static final String NEW = "(new)";
    static final String GONE = "(gone)";
    private static final int SEEN = 1 << 30;
    private static final int NO_BAND = 3;
    private static final String LEGACY_ID_COLUMN = "customer_id";

    private final List<Task> tasks;
    private final List<String> previousSegments;
    private final LongIntMap previous;
    /** The band dimension of each task slot ({@code churn_band}, ...), made once rather than per customer. */
    private final String[] bandDimensions;
    /** dimension -> from -> to -> customers */
    private final Map<String, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();

    private Migration(List<Task> tasks, List<String> previousSegments, LongIntMap previous) {
        this.tasks = tasks;
        this.previousSegments = previousSegments;
        this.previous = previous;
        this.bandDimensions = tasks.stream().map(task -> task.id() + "_band").toArray(String[]::new);
    }

    /**
     * Reads the previous snapshot's scores file (id, segment, bands). Its id column is the one its manifest names;
     * snapshots made before manifests named it always called it {@code customer_id}.
     */
    static Migration from(Path previousSnapshot, List<Task> tasks) {
        List<String> segmentNames = new ArrayList<>();
        LongIntMap map = new LongIntMap(1 << 16);
        Path previousScores = RescoreJob.scoresFileIn(previousSnapshot);
        String idColumn = idColumnOf(previousSnapshot);
        try (CsvRecordReader reader = CsvRecordReader.open(previousScores, ',')) {
            List<String> header = reader.header();
            int id = header.indexOf(idColumn);
            if (id < 0) {
                throw DataException.inFile(previousScores, "the previous snapshot has no id column '" + idColumn + "'");
            }
            int segment = header.indexOf("segment");
            int[] bandColumns = new int[tasks.size()];
            for (int t = 0; t < tasks.size(); t++) {
                bandColumns[t] = header.indexOf(tasks.get(t).id() + "_band");
            }
            String[] fields;
            while ((fields = reader.next()) != null) {
                int segmentIndex = segmentNames.indexOf(fields[segment]);
                if (segmentIndex < 0) {
                    segmentNames.add(fields[segment]);
                    segmentIndex = segmentNames.size() - 1;
                }
                int code = segmentIndex;
                for (int t = 0; t < tasks.size(); t++) {
                    int band = bandColumns[t] < 0 ? NO_BAND : Band.parse(fields[bandColumns[t]]).ordinal();
                    code |= band << (8 + 2 * t);
                }
                map.putIfAbsent(LongIntMap.hash(fields[id]), code);
            }
        }
        return new Migration(tasks, segmentNames, map);
    }

    private static String idColumnOf(Path snapshot) {
        Path manifest = snapshot.resolve(SnapshotReports.MANIFEST);
        try {
            return JsonMappers.standard().readTree(manifest.toFile()).path("id_column").asText(LEGACY_ID_COLUMN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    static Migration none(List<Task> tasks) {
        return new Migration(tasks, List.of(), new LongIntMap(16));
    }

    int previousCustomers() {
        return previous.size();
    }

    /** Counts one current customer; {@code bands} holds band ordinals per task slot. */
    void observe(String customerId, String segment, byte[] bands) {
        long key = LongIntMap.hash(customerId);
        int code = previous.get(key);
        if (code < 0 || (code & SEEN) != 0) {
            add("segment", NEW, segment);
            for (int t = 0; t < tasks.size(); t++) {
                add(bandDimensions[t], NEW, Band.values()[bands[t]].label());
            }
            return;
        }
        previous.replace(key, code | SEEN);
        add("segment", previousSegments.get(code & 0xff), segment);
        for (int t = 0; t < tasks.size(); t++) {
            add(bandDimensions[t], bandLabel(code, t), Band.values()[bands[t]].label());
        }
    }

    /** Counts the previous customers this run did not see, then writes the long-format matrix. */
    void write(Writer out) throws IOException {
        previous.forEachValue(code -> {
            if ((code & SEEN) == 0) {
                add("segment", previousSegments.get(code & 0xff), GONE);
                for (int t = 0; t < tasks.size(); t++) {
                    add(bandDimensions[t], bandLabel(code, t), GONE);
                }
            }
        });
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("dimension", "from", "to", "customers");
            for (Map.Entry<String, Map<String, Map<String, Long>>> dimension : counts.entrySet()) {
                for (Map.Entry<String, Map<String, Long>> from : dimension.getValue().entrySet()) {
                    for (Map.Entry<String, Long> to : from.getValue().entrySet()) {
                        printer.printRecord(dimension.getKey(), from.getKey(), to.getKey(), to.getValue());
                    }
                }
            }
        }
    }

    private String bandLabel(int code, int taskSlot) {
        int band = (code >>> (8 + 2 * taskSlot)) & 3;
        return band == NO_BAND ? NEW : Band.values()[band].label();
    }

    private void add(String dimension, String from, String to) {
        counts.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(from, f -> new TreeMap<>()).merge(to, 1L, Long::sum);
    }
}
