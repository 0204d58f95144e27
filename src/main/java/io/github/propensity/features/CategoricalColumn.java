// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.data.MissingValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A categorical column, one-hot encoded over the levels seen often enough in training, plus an "(other)" bucket
 * that takes rare and unseen values so a new plan or region at scoring time scores like the rare ones did in
 * training. A missing value is its own level, {@value #MISSING_LEVEL}, when training saw it often enough.
 */
public record CategoricalColumn(String name, List<String> levels) implements FeatureColumn {
    public static final String MISSING_LEVEL = "(missing)";
    public static final String OTHER_LEVEL = "(other)";

    public CategoricalColumn {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        if (levels.contains(OTHER_LEVEL)) {
            throw new IllegalArgumentException("'" + OTHER_LEVEL + "' is reserved and cannot be a level of '" + name + "'");
        }
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(levels.size() + 1);
        for (String level : levels) {
            names.add(name + "=" + level);
        }
        names.add(name + "=" + OTHER_LEVEL);
        return names;
    }

    @Override
    public CellEncoder compile() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            positions.put(levels.get(i), i);
        }
        int otherPosition = levels.size();
        return (raw, out, offset) -> {
            for (int i = 0; i <= otherPosition; i++) {
                out[offset + i] = 0.0;
            }
            String level = MissingValues.isMissing(raw) ? MISSING_LEVEL : raw.strip();
            out[offset + positions.getOrDefault(level, otherPosition)] = 1.0;
        };
    }
}
