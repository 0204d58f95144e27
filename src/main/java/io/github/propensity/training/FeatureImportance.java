// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.Objects;

/**
 * How much one input column drives the model, as a share of the model's total importance (0-1). For logistic
 * regression it is the sum of |coefficient| over the column's standardized features, with {@code direction} the
 * sign of the largest one ("+" raises the propensity); for XGBoost it is total split gain, which has no direction.
 *
 * @param topFeature the column's single most important encoded feature, e.g. {@code plan=free}
 */
public record FeatureImportance(String column, double share, String topFeature, String direction) {
    public FeatureImportance {
        Objects.requireNonNull(column, "column");
        if (!(share >= 0 && share <= 1 + 1e-9)) {
            throw new IllegalArgumentException("importance share must be within 0-1");
        }
    }
}
