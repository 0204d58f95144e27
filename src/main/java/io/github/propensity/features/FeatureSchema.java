// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fitted input columns of a model, in order. Saved in every bundle as {@code features.json}; every path that
 * scores (training's own evaluation, the CLI, batch rescoring, the server, lookalikes) encodes through it.
 */
public record FeatureSchema(List<FeatureColumn> columns) {
    public FeatureSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a feature schema needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (FeatureColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("duplicate feature column '" + column.name() + "'");
            }
        }
    }

    public List<String> inputColumns() {
        List<String> names = new ArrayList<>(columns.size());
        for (FeatureColumn column : columns) {
            names.add(column.name());
        }
        return names;
    }

    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (FeatureColumn column : columns) {
            names.addAll(column.featureNames());
        }
        return names;
    }

    public FeatureEncoder encoder() {
        return new FeatureEncoder(this);
    }
}
