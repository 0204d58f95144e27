// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The seed: customer ids with their weights (all 1 unless weighted by a value).
 *
 * @param source        where the ids came from, for the card (a file name, or the request)
 * @param weights       id to weight, every weight positive
 * @param valueWeighted whether the weights come from a value column
 */
public record SeedIds(String source, Map<String, Double> weights, boolean valueWeighted) {
    public SeedIds {
        Objects.requireNonNull(source, "source");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (weights.values().stream().anyMatch(w -> !(w > 0))) {
            throw new IllegalArgumentException("seed weights must be positive");
        }
    }

    /** Every id weighs the same. */
    public static SeedIds of(String source, Collection<String> ids) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String id : ids) {
            weights.put(id, 1.0);
        }
        return new SeedIds(source, weights, false);
    }

    /**
     * A member's weight is its value over the seed's mean value (missing or non-positive values count as the smallest
     * positive one), so spend-weighted seeds favour big spenders.
     */
    public static SeedIds weightedBy(String source, Map<String, Double> values) {
        double smallest = values.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
        double mean = values.values().stream().mapToDouble(v -> v > 0 ? v : smallest).average().orElse(1);
        Map<String, Double> weights = new LinkedHashMap<>(values);
        weights.replaceAll((k, v) -> (v > 0 ? v : smallest) / mean);
        return new SeedIds(source, weights, true);
    }

    public int size() {
        return weights.size();
    }
}
