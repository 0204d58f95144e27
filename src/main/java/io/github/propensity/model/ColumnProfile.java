// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Objects;

/**
 * How one input column was distributed over the training rows, in the bins drift is measured with: for numbers,
 * the training deciles as edges plus a bin for missing values; for yes/no columns, false, true and missing; for
 * categories, the encoder's levels and its "(other)" bucket.
 *
 * @param edges    upper-inclusive bin edges for numeric columns, empty otherwise
 * @param expected share of training rows in each bin (sums to 1)
 */
public record ColumnProfile(String name, double[] edges, double[] expected) {
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        edges = edges.clone();
        expected = expected.clone();
        double sum = 0;
        for (double share : expected) {
            if (!(share >= 0)) {
                throw new IllegalArgumentException("bin shares of '" + name + "' must be non-negative");
            }
            sum += share;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("bin shares of '" + name + "' must sum to 1, got " + sum);
        }
    }
}
