// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A snapshot's {@code drift.json} as one list: the PSI of each input and of each task's score against training,
 * flagged first, then largest PSI first.
 *
 * @param watchThreshold PSI from which a shift is worth watching (0.1, the usual rule of thumb)
 * @param alertThreshold PSI above which the snapshot flagged an input (0.2 unless the run said otherwise)
 * @param notes          per task, why some drift could not be measured (a bundle without a training profile)
 */
public record SnapshotDrift(String snapshot, double watchThreshold, double alertThreshold, List<Entry> entries, List<String> notes) {
    /** The usual rule of thumb: below 0.1 no shift, 0.1-0.2 a moderate one, above 0.2 a major one. */
    static final double WATCH = 0.1;
    /** The name an entry carries for a task's score distribution rather than an input column. */
    static final String SCORE = "score";

    public SnapshotDrift {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** @param input an input column, or {@code score} for the task's score distribution */
    public record Entry(String task, String input, double psi, boolean flagged) {
    }

    static SnapshotDrift read(String snapshot, Path folder, SnapshotHistory history) {
        Path file = folder.resolve("drift.json");
        if (!Files.exists(file)) {
            return new SnapshotDrift(snapshot, WATCH, 0.2, List.of(), List.of("this snapshot has no drift.json"));
        }
        JsonNode drift = history.read(file);
        List<Entry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        drift.path("tasks").fields().forEachRemaining(task -> {
            JsonNode report = task.getValue();
            entries.add(new Entry(task.getKey(), SCORE, report.path("score_psi").asDouble(), report.path("score_flagged").asBoolean()));
            for (JsonNode feature : report.path("features")) {
                entries.add(new Entry(task.getKey(), feature.path("column").asText(), feature.path("psi").asDouble(),
                        feature.path("flagged").asBoolean()));
            }
            if (report.hasNonNull("note")) {
                notes.add(task.getKey() + ": " + report.get("note").asText());
            }
        });
        entries.sort(Comparator.comparing((Entry entry) -> !entry.flagged()).thenComparing(Comparator.comparingDouble(Entry::psi).reversed())
                .thenComparing(Entry::task).thenComparing(Entry::input));
        return new SnapshotDrift(snapshot, WATCH, drift.path("alert_threshold").asDouble(0.2), entries, notes);
    }
}
