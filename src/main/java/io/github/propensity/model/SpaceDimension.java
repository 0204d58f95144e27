// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Objects;

/**
 * One coordinate of the persona space, made from one encoded feature of the shared {@code FeatureEncoder}: the raw
 * value is recovered from the encoder's standardized output ({@code encoded * rawScale + rawMean}), optionally
 * log1p-transformed, clipped to its winsorizing bounds, centred, scaled and weighted:
 * {@code weight * (clip(f(raw), low, high) - center) / scale}.
 *
 * @param column       the input column it belongs to
 * @param feature      the encoded feature's name ({@code plan=premium} for a category level)
 * @param encodedIndex its position in the encoder's output
 * @param rawMean      the encoder's mean for a numeric column, 0 for one-hot and boolean features (already 0/1)
 * @param rawScale     the encoder's standard deviation for a numeric column, 1 otherwise
 * @param log1p        whether the value is a non-negative skewed count or amount compressed with {@code log(1 + x)}
 * @param low          lower winsorizing bound, on the transformed scale
 * @param high         upper winsorizing bound, on the transformed scale
 * @param weight       1 for a numeric column; a category's levels share the weight of one numeric column
 */
public record SpaceDimension(String column, String feature, int encodedIndex, double rawMean, double rawScale, boolean log1p,
                             double low, double high, double center, double scale, double weight) {
    public SpaceDimension {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(feature, "feature");
        if (encodedIndex < 0) {
            throw new IllegalArgumentException("encoded index of " + feature + " must be non-negative");
        }
        if (!(scale > 0) || !(rawScale > 0) || !Double.isFinite(scale) || !Double.isFinite(rawScale)) {
            throw new IllegalArgumentException("scales of " + feature + " must be positive and finite");
        }
        if (!(low <= high) || !Double.isFinite(center) || !Double.isFinite(rawMean) || !(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("bounds, centre and weight of " + feature + " must be finite, low <= high, weight > 0");
        }
    }

    /** The value of this feature before centring: raw, transformed and clipped. */
    double clipped(double encoded) {
        double raw = encoded * rawScale + rawMean;
        double value = log1p ? Math.log1p(Math.max(0, raw)) : raw;
        return Math.min(high, Math.max(low, value));
    }

    double coordinate(double encoded) {
        return weight * (clipped(encoded) - center) / scale;
    }
}
