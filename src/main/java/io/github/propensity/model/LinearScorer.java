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
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            sum += coefficients[j] * features[j];
        }
        return sum;
    }

    @Override
    public double explain(double[] features, double[] contributions) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            contributions[j] = coefficients[j] * features[j];
            sum += contributions[j];
        }
        return sum;
    }

    @Override
    public double logOdds(float[] features) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            sum += coefficients[j] * features[j];
        }
        return sum;
    }

    @Override
    public double explain(float[] features, double[] contributions) {
        double sum = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            contributions[j] = coefficients[j] * features[j];
            sum += contributions[j];
        }
        return sum;
    }

    @Override
    public double baselineLogOdds() {
        return intercept;
    }
}
