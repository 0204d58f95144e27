// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

/**
 * Encoded rows and their outcomes, the form every trainer, calibrator and evaluator takes.
 * Arrays are shared, not copied: instances are built once per split and only read.
 */
public record EncodedData(double[][] features, boolean[] outcomes) {
    public EncodedData {
        if (features.length != outcomes.length) {
            throw new IllegalArgumentException("one outcome per row is required");
        }
    }

    public int rows() {
        return features.length;
    }

    public int positives() {
        return countTrue(outcomes);
    }

    static int countTrue(boolean[] outcomes) {
        int count = 0;
        for (boolean outcome : outcomes) {
            if (outcome) {
                count++;
            }
        }
        return count;
    }

    /** The weighted share of positive outcomes (equal weights when null); both outcomes must be present. */
    public static double positiveShare(boolean[] outcomes, double[] weights) {
        double positive = 0;
        double total = 0;
        for (int i = 0; i < outcomes.length; i++) {
            double weight = weights == null ? 1 : weights[i];
            total += weight;
            positive += outcomes[i] ? weight : 0;
        }
        if (!(positive > 0 && positive < total)) {
            throw new IllegalArgumentException("a classifier needs rows of both outcomes with positive weight");
        }
        return positive / total;
    }

    public EncodedData subset(int[] rows) {
        double[][] x = new double[rows.length][];
        boolean[] y = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            y[i] = outcomes[rows[i]];
        }
        return new EncodedData(x, y);
    }
}
