// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaSpace;
import io.github.propensity.model.SpaceDimension;
import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.features.CategoricalColumn;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.features.NumericColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the persona space on the sample: the shared schema on the given columns, then per encoded feature the
 * transforms distance-based clustering needs and a propensity model does not. Counts and amounts are heavy-tailed,
 * and a handful of whales would otherwise own a cluster each, hence log1p and winsorizing; standardizing puts every
 * column on one scale; and a category's levels share one column's weight, so that a 30-level region column does not
 * outvote sessions and orders.
 */
final class PersonaSpaceFitter {
    /** A non-negative column whose sample skewness exceeds this is compressed with log1p. */
    static final double LOG_SKEWNESS = 1.0;
    /** Winsorizing quantiles. */
    static final double LOW_QUANTILE = 0.01;
    static final double HIGH_QUANTILE = 0.99;
    private static final double NO_SPREAD = 1e-9;

    private PersonaSpaceFitter() {
    }

    /** The fitted space, the sample's coordinates in it, and the columns that had no spread to cluster on. */
    record Fitted(PersonaSpace space, double[][] coordinates, List<String> withoutSpread) {
    }

    static Fitted fit(CustomerTable table, List<ColumnDecision> features, int[] rows) {
        FeatureSchema schema = FeatureSchemaFitter.fit(table, features, rows);
        FeatureEncoder encoder = schema.encoder();
        FeatureEncoder.HeaderBinding binding = encoder.bind(table.header());
        double[][] encoded = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            encoded[i] = encoder.encode(table.rows().get(rows[i]), binding);
        }
        List<SpaceDimension> dimensions = new ArrayList<>();
        List<String> withoutSpread = new ArrayList<>();
        List<FeatureColumn> columns = schema.columns();
        for (int c = 0; c < columns.size(); c++) {
            FeatureColumn column = columns.get(c);
            int offset = encoder.offset(c);
            List<SpaceDimension> made;
            if (column instanceof NumericColumn numeric) {
                made = numeric(numeric, offset, encoded);
            } else if (column instanceof CategoricalColumn categorical) {
                made = flags(categorical.name(), categorical.featureNames(), offset, encoded);
            } else {
                made = flags(column.name(), List.of(column.name()), offset, encoded);
            }
            if (made.isEmpty()) {
                withoutSpread.add(column.name());
            }
            dimensions.addAll(made);
        }
        if (dimensions.isEmpty()) {
            return new Fitted(null, new double[0][], withoutSpread);
        }
        PersonaSpace space = new PersonaSpace(schema, dimensions);
        double[][] coordinates = new double[rows.length][space.width()];
        for (int i = 0; i < rows.length; i++) {
            space.project(encoded[i], coordinates[i]);
        }
        return new Fitted(space, coordinates, withoutSpread);
    }

    private static List<SpaceDimension> numeric(NumericColumn column, int offset, double[][] encoded) {
        int n = encoded.length;
        double[] raw = new double[n];
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            raw[i] = encoded[i][offset] * column.standardDeviation() + column.mean();
            minimum = Math.min(minimum, raw[i]);
        }
        // The encoder's standardization round trip can leave a zero a hair below it.
        boolean log1p = minimum >= -1e-9 * (1 + Math.abs(column.mean())) && skewness(raw) > LOG_SKEWNESS;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = log1p ? Math.log1p(Math.max(0, raw[i])) : raw[i];
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double low = quantile(sorted, LOW_QUANTILE);
        double high = quantile(sorted, HIGH_QUANTILE);
        double[] clipped = new double[n];
        for (int i = 0; i < n; i++) {
            clipped[i] = Math.min(high, Math.max(low, values[i]));
        }
        double mean = mean(clipped);
        double deviation = standardDeviation(clipped, mean);
        if (deviation < NO_SPREAD) {
            return List.of();
        }
        return List.of(new SpaceDimension(column.name(), column.name(), offset, column.mean(), column.standardDeviation(), log1p,
                low, high, mean, deviation, 1.0));
    }

    /**
     * One-hot levels (or a boolean's single flag) standardized as a block: each level is centred on its share p, and
     * the block is divided by {@code sqrt(sum p(1 - p))}, so the column's total variance is 1, a numeric column's.
     */
    private static List<SpaceDimension> flags(String column, List<String> features, int offset, double[][] encoded) {
        int n = encoded.length;
        double[] shares = new double[features.size()];
        for (double[] row : encoded) {
            for (int l = 0; l < shares.length; l++) {
                shares[l] += row[offset + l];
            }
        }
        double variance = 0;
        for (int l = 0; l < shares.length; l++) {
            shares[l] /= n;
            variance += shares[l] * (1 - shares[l]);
        }
        if (variance < NO_SPREAD) {
            return List.of();
        }
        double scale = Math.sqrt(variance);
        List<SpaceDimension> dimensions = new ArrayList<>();
        for (int l = 0; l < shares.length; l++) {
            if (shares[l] > 0 && shares[l] < 1) {
                dimensions.add(new SpaceDimension(column, features.get(l), offset + l, 0, 1, false, 0, 1, shares[l], scale, 1.0));
            }
        }
        return dimensions;
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    static double standardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static double skewness(double[] values) {
        double mean = mean(values);
        double deviation = standardDeviation(values, mean);
        if (deviation < NO_SPREAD) {
            return 0;
        }
        double cubes = 0;
        for (double value : values) {
            double z = (value - mean) / deviation;
            cubes += z * z * z;
        }
        return cubes / values.length;
    }
}
