// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * Logistic regression as coefficients over the encoded features. A contribution is coefficient x encoded value:
 * numbers are standardized, so zero is the training mean and a contribution says how far this customer's value
 * moves the log-odds from an average customer's.
 */
public record LinearScorer(double[] coefficients, double intercept) implements CompiledScorer {
    public LinearScorer {
        coefficients = coefficients.clone();
        for (double coefficient : coefficients) {
            if (!Double.isFinite(coefficient)) {
                throw new IllegalArgumentException("coefficients must be finite");
            }
        }
    }

    @Override
    public double logOdds(double[] features) {
        return explain(features, null);
    }

    @Override
    public double logOdds(float[] features) {
        return explain(features, null);
    }

    /** With {@code contributions} null, only the log-odds. */
    @Override
    public double explain(double[] features, double[] contributions) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            double contribution = coefficients[j] * features[j];
            if (contributions != null) {
                contributions[j] = contribution;
            }
            sum += contribution;
        }
        return sum;
    }

    /** {@link #explain(double[], double[])} of a row kept in floats (each value widens exactly). */
    @Override
    public double explain(float[] features, double[] contributions) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            double contribution = coefficients[j] * features[j];
            if (contributions != null) {
                contributions[j] = contribution;
            }
            sum += contribution;
        }
        return sum;
    }

    @Override
    public double baselineLogOdds() {
        return intercept;
    }
}
