// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;
import io.github.propensity.model.Task;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import org.apache.commons.csv.CSVFormat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pass two: adds each customer's percentile within this base to the scored rows and writes the final scores file
 * (into the snapshot, to a file, or to stdout), counting migration and duplicate ids on the way.
 */
final class ScoresFileFinisher {
    private final List<Task> tasks;
    private final List<String> keepColumns;
    private final SegmentPolicy policy;
    private final ScoringTally tally;

    ScoresFileFinisher(List<Task> tasks, List<String> keepColumns, SegmentPolicy policy, ScoringTally tally) {
        this.tasks = tasks;
        this.keepColumns = keepColumns;
        this.policy = policy;
        this.tally = tally;
    }

    static List<String> header(List<Task> tasks, List<String> keepColumns) {
        List<String> header = new ArrayList<>(List.of("customer_id", "segment"));
        header.addAll(keepColumns);
        for (Task task : tasks) {
            String t = task.id();
            header.addAll(List.of(t + "_probability", t + "_score", t + "_band", t + "_reason_1", t + "_reason_2", t + "_reason_3"));
        }
        for (Task task : tasks) {
            header.add(task.id() + "_percentile");
        }
        return header;
    }

    /**
     * @param snapshotFile the scores file inside a snapshot, or null to write to {@code out}
     * @param migration    counts migration when writing a snapshot, else null
     * @return the number of rows whose customer id appeared earlier in the file
     */
    long finish(Path partial, Path snapshotFile, String out, Migration migration) {
        float[][] sorted = new float[tasks.size()][];
        for (int t = 0; t < tasks.size(); t++) {
            sorted[t] = tally.sortedProbabilities(t);
        }
        Path target = snapshotFile != null ? snapshotFile : out.equals("-") ? null : Path.of(out);
        try {
            if (target == null) {
                Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                long duplicates = copy(partial, sorted, migration, stdout);
                stdout.flush();
                return duplicates;
            }
            long[] duplicates = new long[1];
            AtomicFile.writeText(target, Compression.byName(target),
                    writer -> duplicates[0] = copy(partial, sorted, migration, writer));
            return duplicates[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scores file" + (target == null ? "" : " " + target) + ": "
                    + e.getMessage(), e);
        }
    }

    private long copy(Path partial, float[][] sorted, Migration migration, Writer writer) throws IOException {
        LongIntMap seen = new LongIntMap(tally.scored());
        long duplicates = 0;
        byte[] bands = new byte[tasks.size()];
        try (BufferedReader in = Files.newBufferedReader(partial, StandardCharsets.UTF_8)) {
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().printRecord(writer, header(tasks, keepColumns).toArray());
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                writer.write(line);
                for (int t = 0; t < tasks.size(); t++) {
                    writer.write(',');
                    writer.write(Decimals.format(percentile(sorted[t], tally.probability(t, row)), 1));
                }
                writer.write('\n');
                String id = firstField(line);
                if (!seen.putIfAbsent(LongIntMap.hash(id), row)) {
                    duplicates++;
                }
                if (migration != null) {
                    tally.bands(row, bands);
                    migration.observe(id, policy.rules().get(tally.segment(row)).name(), bands);
                }
                row++;
            }
        }
        return duplicates;
    }

    /** Share (0-100) of this base scoring at or below {@code probability}. */
    static double percentile(float[] sorted, float probability) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= probability) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return 100.0 * low / sorted.length;
    }

    /** The first CSV field of a line written by {@link BatchWorker} (quoted only when it must be). */
    static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
