// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.storage.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which models a rescoring run uses: the current bundle of each of {@code tasks} in the model directory.
 *
 * @param tasks the tasks to score; empty means every task that has a current model
 */
public record ModelChoice(Path directory, List<Task> tasks) {
    private static final Logger log = LoggerFactory.getLogger(ModelChoice.class);

    public ModelChoice {
        Objects.requireNonNull(directory, "directory");
        tasks = List.copyOf(tasks);
    }

    /** Every task that has a current model in {@code directory}. */
    public static ModelChoice everyCurrent(Path directory) {
        return new ModelChoice(directory, List.of());
    }

    /**
     * The tasks a run scores: those asked for, or every task with a current model (a warning names each one without);
     * refused when no task has one. Shared by the CLI's rescoring and the Spark job.
     */
    public List<Task> tasksToScore() {
        if (!tasks.isEmpty()) {
            return tasks;
        }
        ModelStore store = new ModelStore(directory);
        List<Task> scored = new ArrayList<>();
        for (Task task : Task.values()) {
            if (store.currentVersion(task).isPresent()) {
                scored.add(task);
            } else {
                log.warn("no current {} model in {}; {} is not scored", task, directory, task);
            }
        }
        if (scored.isEmpty()) {
            throw new BundleException("no models in " + directory + "; train one with: propensity train --task churn ...");
        }
        return scored;
    }
}
