// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.features.BooleanColumn;
import io.github.propensity.features.CategoricalColumn;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.NumericColumn;

import java.util.Arrays;

/**
 * Puts one column of an encoded row into its drift bins. It reads the encoded features rather than the raw cell,
 * so drift costs no second parse of the input, and the same binner counts the training rows when the profile is
 * made and the scored rows later, so both sides bin identically. Numeric edges are raw values; they are
 * standardized here with the column's own mean and deviation, the same arithmetic the encoder applies.
 */
public final class ColumnBinner {
    private final int kind;
    private final boolean missingIndicator;
    private final double[] standardizedEdges;
    private final int width;
    private final int bins;

    private static final int NUMERIC = 0;
    private static final int BOOLEAN = 1;
    private static final int CATEGORICAL = 2;

    public ColumnBinner(FeatureColumn column, double[] edges) {
        this.width = column.featureNames().size();
        if (column instanceof NumericColumn numeric) {
            kind = NUMERIC;
            missingIndicator = numeric.missingIndicator();
            standardizedEdges = new double[edges.length];
            for (int i = 0; i < edges.length; i++) {
                standardizedEdges[i] = (edges[i] - numeric.mean()) / numeric.standardDeviation();
            }
            bins = edges.length + 2;
        } else if (column instanceof BooleanColumn bool) {
            kind = BOOLEAN;
            missingIndicator = bool.missingIndicator();
            standardizedEdges = new double[0];
            bins = 3;
        } else if (column instanceof CategoricalColumn categorical) {
            kind = CATEGORICAL;
            missingIndicator = false;
            standardizedEdges = new double[0];
            bins = categorical.levels().size() + 1;
        } else {
            throw new IllegalArgumentException("no drift bins for " + column.getClass().getSimpleName());
        }
    }

    public int bins() {
        return bins;
    }

    /** The bin of the column whose features start at {@code offset} in an encoded row. */
    public int bin(double[] encoded, int offset) {
        switch (kind) {
            case NUMERIC -> {
                if (missingIndicator && encoded[offset + 1] == 1.0) {
                    return bins - 1;
                }
                int index = Arrays.binarySearch(standardizedEdges, encoded[offset]);
                // Edges are upper-inclusive: a value equal to an edge belongs to that edge's bin.
                return index >= 0 ? index : -index - 1;
            }
            case BOOLEAN -> {
                if (missingIndicator && encoded[offset + 1] == 1.0) {
                    return 2;
                }
                return encoded[offset] == 1.0 ? 1 : 0;
            }
            default -> {
                for (int i = 0; i < width; i++) {
                    if (encoded[offset + i] == 1.0) {
                        return i;
                    }
                }
                return width - 1;
            }
        }
    }

    /** Decile edges of the observed values (duplicates removed), the numeric bins' boundaries. */
    public static double[] decileEdges(double[] sortedValues) {
        if (sortedValues.length == 0) {
            return new double[0];
        }
        double[] edges = new double[9];
        int count = 0;
        for (int d = 1; d <= 9; d++) {
            double edge = sortedValues[(int) Math.min(sortedValues.length - 1, Math.floor(d / 10.0 * sortedValues.length))];
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }
}
