// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.scoring.PreparedUplift;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One consistent view of what the server serves: the current model of each task and of each uplift campaign, and
 * the latest snapshot. A
 * request takes one view at its start and keeps it to the end, so a reload never changes a model mid-request.
 *
 * @param latestSnapshot the newest complete snapshot directory, or null when none exists
 * @param campaigns      the current uplift model of each campaign, by name
 * @param personas       the current persona model, empty when there is none
 */
public record LoadedModels(Map<Task, PreparedModel> models, Path latestSnapshot, Map<String, PreparedUplift> campaigns,
                           Optional<ServedPersonas> personas) {
    /** A view without uplift or persona models. */
    public LoadedModels(Map<Task, PreparedModel> models, Path latestSnapshot) {
        this(models, latestSnapshot, Map.of(), Optional.empty());
    }

    public LoadedModels {
        Map<Task, PreparedModel> copy = new EnumMap<>(Task.class);
        copy.putAll(models);
        models = Collections.unmodifiableMap(copy);
        campaigns = Collections.unmodifiableMap(new TreeMap<>(campaigns));
        Objects.requireNonNull(personas, "personas");
    }

    public Optional<PreparedUplift> campaign(String campaign) {
        return Optional.ofNullable(campaigns.get(campaign));
    }

    public Optional<PreparedModel> model(Task task) {
        return Optional.ofNullable(models.get(task));
    }

    public Optional<ModelBundle> bundle(Task task) {
        return model(task).map(PreparedModel::bundle);
    }
}
