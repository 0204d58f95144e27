// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which models a rescoring run uses: the current bundle of each of {@code tasks} in the model directory.
 *
 * @param tasks the tasks to score; empty means every task that has a current model
 */
public record ModelChoice(Path directory, List<Task> tasks) {
    public ModelChoice {
        Objects.requireNonNull(directory, "directory");
        tasks = List.copyOf(tasks);
    }

    /** Every task that has a current model in {@code directory}. */
    public static ModelChoice everyCurrent(Path directory) {
        return new ModelChoice(directory, List.of());
    }
}
