// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * A trained classifier flattened into plain arrays for scoring: the log-odds of the positive class for an encoded
 * row, and how much each encoded feature contributed to it. Built once per loaded model from the stored one and
 * checked against XGBoost's and Tribuo's own predictions (see the tests); thread-safe and allocation-free per row,
 * because batch rescoring and the server call it millions of times.
 */
public sealed interface CompiledScorer permits LinearScorer, TreeEnsembleScorer {
    /** Log-odds of the positive class, before calibration. */
    double logOdds(double[] features);

    /**
     * Writes each encoded feature's contribution to the log-odds into {@code contributions} (one per feature) and
     * returns the log-odds; the contributions plus {@link #baselineLogOdds()} sum to it.
     */
    double explain(double[] features, double[] contributions);

    /** {@link #logOdds(double[])} of a row kept in floats (the lookalike pool's vectors), with no copy. */
    double logOdds(float[] features);

    /** {@link #explain(double[], double[])} of a row kept in floats. */
    double explain(float[] features, double[] contributions);

    /** The log-odds of a customer with no contributions: the intercept, or the trees' expected value. */
    double baselineLogOdds();

    static double sigmoid(double logOdds) {
        return logOdds >= 0 ? 1 / (1 + Math.exp(-logOdds)) : Math.exp(logOdds) / (1 + Math.exp(logOdds));
    }
}
