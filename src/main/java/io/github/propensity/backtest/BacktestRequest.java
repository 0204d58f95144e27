// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.model.Task;
import io.github.propensity.training.LabelSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One backtest: which snapshot's scores for which task, against which outcomes.
 *
 * @param snapshot  a snapshot folder (with manifest.json and scores.csv)
 * @param outcomes  a CSV with one row per customer: an id column and a binary outcome column
 * @param idColumn  the outcomes file's customer id column
 * @param models    the model directory holding the card of the model that scored the snapshot
 * @param separator the outcomes file's delimiter, or null to detect it
 */
public record BacktestRequest(Path snapshot, Path outcomes, String idColumn, Task task, LabelSpec label, Path models,
                              Character separator) {
    public BacktestRequest {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(models, "models");
        if (idColumn.isBlank()) {
            throw new IllegalArgumentException("the id column name is empty");
        }
    }
}
