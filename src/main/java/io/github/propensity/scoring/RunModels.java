// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rescoring run scores with, loaded by the caller (the CLI from its model store, the Spark job's
 * executors from the copy shipped to them).
 *
 * @param tasks     each task's current bundle, in the order the scores carry the tasks
 * @param store     the model store the value model is read from when the base has a CLV column
 * @param campaigns the uplift models to score, in the order of their columns; empty for none
 * @param personas  the persona model to assign with; empty for none
 */
public record RunModels(Map<Task, ModelBundle> tasks, Path store, List<CampaignModel> campaigns, Optional<PersonaChoice> personas) {
    public RunModels {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no models to score with");
        }
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        Objects.requireNonNull(store, "store");
        campaigns = List.copyOf(campaigns);
        Objects.requireNonNull(personas, "personas");
    }
}
