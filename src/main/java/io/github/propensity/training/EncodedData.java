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
