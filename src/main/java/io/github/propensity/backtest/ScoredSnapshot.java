// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.scoring.SnapshotScores;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;
import io.github.propensity.storage.JsonMappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * What a backtest needs from a snapshot folder besides its scores: its name, the model version that scored the task
 * (from {@code manifest.json}) and the inputs {@code drift.json} flagged for the task.
 *
 * @param driftedInputs the task's inputs whose distribution drift.json flagged at scoring, plus {@code score} when the
 *                      score distribution itself moved; empty when nothing was flagged or there is no drift report
 */
record ScoredSnapshot(Path folder, String name, SnapshotScores scores, String modelVersion, List<String> driftedInputs) {
    static final String MANIFEST = SnapshotManifest.FILE;
    static final String DRIFT = "drift.json";
    static final String SCORE_DRIFT = "score";

    ScoredSnapshot {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(modelVersion, "modelVersion");
        driftedInputs = List.copyOf(driftedInputs);
    }

    /** @throws DataException when the folder is not a readable snapshot or did not score the task */
    static ScoredSnapshot read(Path folder, Task task) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder + ": no such snapshot folder");
        }
        ObjectMapper json = JsonMappers.standard();
        Path manifestFile = folder.resolve(MANIFEST);
        JsonNode manifest = readJson(json, manifestFile, folder + " is not a snapshot: it has no " + MANIFEST);
        JsonNode models = manifest.path("models");
        JsonNode model = models.path(task.id());
        if (!model.isObject()) {
            List<String> scored = new ArrayList<>();
            for (Iterator<String> names = models.fieldNames(); names.hasNext(); ) {
                scored.add(names.next());
            }
            throw DataException.inFile(manifestFile, "snapshot " + folder.getFileName() + " did not score " + task.id() + "; it scored "
                    + (scored.isEmpty() ? "nothing" : String.join(", ", scored)));
        }
        String version = model.path("version").asText("");
        SnapshotScores scores = SnapshotScores.of(folder);
        String name = manifest.path("snapshot").asText(folder.getFileName().toString());
        return new ScoredSnapshot(folder, name, scores, version, driftedInputs(json, folder.resolve(DRIFT), task));
    }

    private static List<String> driftedInputs(ObjectMapper json, Path file, Task task) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode drift = readJson(json, file, file + " is missing").path("tasks").path(task.id());
        List<String> flagged = new ArrayList<>();
        for (JsonNode feature : drift.path("features")) {
            if (feature.path("flagged").asBoolean(false)) {
                flagged.add(feature.path("column").asText());
            }
        }
        if (drift.path("score_flagged").asBoolean(false)) {
            flagged.add(SCORE_DRIFT);
        }
        return flagged;
    }

    private static JsonNode readJson(ObjectMapper json, Path file, String whenMissing) {
        try {
            return json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataException(whenMissing);
        } catch (AccessDeniedException e) {
            throw DataException.inFile(file, "cannot be read (permission denied)");
        } catch (JacksonException e) {
            throw DataException.inFile(file, "not valid JSON (" + e.getOriginalMessage() + "); the snapshot is damaged");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
