// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

/**
 * One tenth of the customers ranked by probability, highest first: how a campaign that targets the top deciles
 * would do.
 *
 * @param decile         1 = the highest-scored tenth
 * @param lift           positive rate of this decile over the base rate
 * @param cumulativeGain share of all positives captured by deciles 1..decile (0-1)
 * @param cumulativeLift positive rate of deciles 1..decile over the base rate
 */
public record DecileRow(int decile, int rows, int positives, double minProbability, double maxProbability,
                        double meanProbability, double positiveRate, double lift, double cumulativeGain,
                        double cumulativeLift) {
    public DecileRow {
        if (decile < 1 || decile > 10 || rows < 0 || positives < 0 || positives > rows) {
            throw new IllegalArgumentException("invalid decile row " + decile);
        }
    }
}
