// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Arrays;

/**
 * A non-decreasing step-free curve through the pool-adjacent-violators blocks, interpolated linearly between block
 * centres and flat outside them (as scikit-learn's IsotonicRegression with {@code out_of_bounds="clip"}). Outputs
 * are kept within [{@value #MIN_OUTPUT}, 1 - {@value #MIN_OUTPUT}]: an empirical 0 or 1 from a pure block would
 * make log loss infinite for the first customer who proves it wrong.
 */
public record IsotonicCalibrator(double[] thresholds, double[] values) implements Calibrator {
    public static final double MIN_OUTPUT = 0.0005;

    public IsotonicCalibrator {
        if (thresholds.length == 0 || thresholds.length != values.length) {
            throw new IllegalArgumentException("isotonic calibration needs as many values as thresholds, at least one");
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("isotonic values must be within [0, 1]");
            }
            if (i > 0 && !(thresholds[i] > thresholds[i - 1])) {
                throw new IllegalArgumentException("isotonic thresholds must be strictly increasing");
            }
            if (i > 0 && values[i] < values[i - 1]) {
                throw new IllegalArgumentException("isotonic values must be non-decreasing");
            }
        }
        thresholds = thresholds.clone();
        values = values.clone();
    }

    @Override
    public double calibrate(double rawProbability) {
        double value;
        if (rawProbability <= thresholds[0]) {
            value = values[0];
        } else if (rawProbability >= thresholds[thresholds.length - 1]) {
            value = values[values.length - 1];
        } else {
            int index = Arrays.binarySearch(thresholds, rawProbability);
            if (index >= 0) {
                value = values[index];
            } else {
                int upper = -index - 1;
                int lower = upper - 1;
                double weight = (rawProbability - thresholds[lower]) / (thresholds[upper] - thresholds[lower]);
                value = values[lower] + weight * (values[upper] - values[lower]);
            }
        }
        return Math.min(1 - MIN_OUTPUT, Math.max(MIN_OUTPUT, value));
    }

    @Override
    public String method() {
        return "isotonic";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsotonicCalibrator that && Arrays.equals(thresholds, that.thresholds)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(thresholds) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IsotonicCalibrator[" + thresholds.length + " points]";
    }
}
