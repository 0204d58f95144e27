// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;

import java.util.List;
import java.util.Objects;

/**
 * A numeric column: missing values are imputed with the training median and flagged by a separate indicator (so a
 * model can learn that "unknown" differs from "typical"), then standardized with the training mean and standard
 * deviation. Trees ignore the scaling; linear models need it for their regularisation to treat features alike.
 *
 * @param missingTokens extra spellings read as missing, as decided at training time
 */
public record NumericColumn(String name, double median, double mean, double standardDeviation,
                            boolean missingIndicator, List<String> missingTokens) implements FeatureColumn {
    public NumericColumn {
        Objects.requireNonNull(name, "name");
        missingTokens = List.copyOf(missingTokens);
        if (!Double.isFinite(median) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("median and mean of '" + name + "' must be finite");
        }
        if (!(standardDeviation > 0) || !Double.isFinite(standardDeviation)) {
            throw new IllegalArgumentException("standard deviation of '" + name + "' must be positive and finite");
        }
    }

    @Override
    public List<String> featureNames() {
        return FeatureColumn.valueAndMissingFlag(name, missingIndicator);
    }

    @Override
    public CellEncoder compile() {
        return this::encode;
    }

    /** Writes this column's features for one raw cell at {@code offset}. */
    public void encode(String raw, double[] out, int offset) {
        double value = readOrNaN(raw);
        boolean missing = Double.isNaN(value);
        out[offset] = ((missing ? median : value) - mean) / standardDeviation;
        if (missingIndicator) {
            out[offset + 1] = missing ? 1.0 : 0.0;
        }
    }

    /** The raw number in the cell, or null when it is missing. */
    public Double readValue(String raw) {
        double value = readOrNaN(raw);
        return Double.isNaN(value) ? null : value;
    }

    /** {@link #readValue} without boxing (it runs for every numeric cell scored): NaN when the cell is missing. */
    private double readOrNaN(String raw) {
        if (MissingValues.isMissing(raw)) {
            return Double.NaN;
        }
        String stripped = raw.strip();
        double value = NumericValues.parseOrNaN(stripped);
        if (Double.isNaN(value) && !missingTokens.contains(stripped)) {
            throw new FeatureValueException(name, "expected a number");
        }
        return value;
    }
}
