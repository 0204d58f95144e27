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
import java.util.Optional;

/**
 * Pass two: adds each customer's percentile within this base to the scored rows and writes the final scores file
 * (into the snapshot, to a file, or to stdout), counting migration on the way.
 */
final class ScoresFileFinisher {
    private final List<Task> tasks;
    private final ScoringInput input;
    private final SegmentPolicy policy;
    private final ScoringTally tally;

    ScoresFileFinisher(List<Task> tasks, ScoringInput input, SegmentPolicy policy, ScoringTally tally) {
        this.tasks = tasks;
        this.input = input;
        this.policy = policy;
        this.tally = tally;
    }

    /** The scores file's columns; the id column keeps the input's name. */
    static List<String> header(String idColumn, List<Task> tasks, List<String> keepColumns) {
        List<String> header = new ArrayList<>(List.of(idColumn, "segment"));
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

    /** Writes the scores file at {@code target} (gzip when its name ends in .gz), counting migration on the way. */
    void writeFile(Path partial, Path target, Migration migration) {
        writeFile(partial, target, Optional.of(migration));
    }

    /** Writes a scores file outside any snapshot: nothing to migrate from, so no migration is counted. */
    void writeFile(Path partial, Path target) {
        writeFile(partial, target, Optional.empty());
    }

    private void writeFile(Path partial, Path target, Optional<Migration> migration) {
        try {
            AtomicFile.writeText(target, Compression.byName(target), writer -> copyWithPercentiles(partial, writer, migration));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scores file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the scores file to standard output. */
    void writeStdout(Path partial) {
        // Not closed: closing would close System.out for the rest of the process.
        Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try {
            copyWithPercentiles(partial, writer, Optional.empty());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scores file: " + e.getMessage(), e);
        }
    }

    private void copyWithPercentiles(Path partial, Writer writer, Optional<Migration> migration) throws IOException {
        SortedScores[] sorted = new SortedScores[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            sorted[t] = new SortedScores(tally.sortedProbabilities(t));
        }
        byte[] bands = new byte[tasks.size()];
        try (BufferedReader in = Files.newBufferedReader(partial, StandardCharsets.UTF_8)) {
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get()
                    .printRecord(writer, header(input.idColumn(), tasks, input.keepColumns()).toArray());
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                writer.write(line);
                for (int t = 0; t < tasks.size(); t++) {
                    writer.write(',');
                    writer.write(Decimals.format(percentile(sorted[t], tally.probability(t, row)), 1));
                }
                writer.write('\n');
                if (migration.isPresent()) {
                    tally.bands(row, bands);
                    migration.get().observe(firstField(line), policy.rules().get(tally.segment(row)).name(), bands);
                }
                row++;
            }
        }
    }

    /** Share (0-100) of this base scoring at or below {@code probability}. */
    static double percentile(SortedScores sorted, float probability) {
        return 100.0 * sorted.countAtMost(probability) / sorted.size();
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
