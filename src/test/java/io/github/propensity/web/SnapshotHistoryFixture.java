// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Three weekly snapshots made by the real rescoring of the shipped sample: each week a thousand customers leave and
 * a thousand join (a sliding window of rows), and logins grow staler, so migration has new, gone and moved customers
 * and drift has something to measure.
 */
final class SnapshotHistoryFixture {
    static final int WEEKS = 3;
    static final int ROWS_PER_WEEK = 3_000;
    static final int SLIDE = 1_000;
    private static final int DAYS_SINCE_LAST_LOGIN = 10;
    private static final int SESSIONS_30D = 9;

    private SnapshotHistoryFixture() {
    }

    /** A week's base file and the snapshot folder its rescoring published. */
    record Week(Path base, Path snapshot) {
    }

    /** Scores the three weeks into {@code snapshots} with the models in {@code models}; returns them oldest first. */
    static List<Week> build(Path dir, Path models, Path snapshots) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("training-data", "customers.csv"));
        List<Week> weeks = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            List<String> base = new ArrayList<>();
            base.add(lines.get(0));
            for (String line : lines.subList(1 + week * SLIDE, 1 + week * SLIDE + ROWS_PER_WEEK)) {
                base.add(aged(line, week));
            }
            Path file = dir.resolve("base-week" + (week + 1) + ".csv");
            Files.write(file, base);
            Set<Path> before = folders(snapshots);
            new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(file, "customer_id"), models,
                    new ScoresDestination.Snapshot(snapshots, false), 2));
            Set<Path> added = new HashSet<>(folders(snapshots));
            added.removeAll(before);
            weeks.add(new Week(file, added.iterator().next()));
        }
        return weeks;
    }

    /** The sample has no comma inside a quoted cell, so splitting on commas keeps every other cell as it was. */
    static String aged(String line, int week) {
        String[] cells = line.split(",", -1);
        cells[DAYS_SINCE_LAST_LOGIN] = String.valueOf(Integer.parseInt(cells[DAYS_SINCE_LAST_LOGIN]) + 25 * week);
        cells[SESSIONS_30D] = String.valueOf(Math.max(0, Integer.parseInt(cells[SESSIONS_30D]) - 2 * week));
        return String.join(",", cells);
    }

    private static Set<Path> folders(Path snapshots) throws IOException {
        if (!Files.isDirectory(snapshots)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(snapshots)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .collect(Collectors.toSet());
        }
    }
}
