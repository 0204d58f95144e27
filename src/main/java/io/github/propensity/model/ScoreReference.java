// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Arrays;

/**
 * The training population's calibrated probabilities, as quantiles: what a score's percentile is measured against
 * and what score drift is compared with. Out-of-fold probabilities are used, because in-sample probabilities of a
 * boosted model are more extreme than anything it will produce on new customers.
 *
 * @param quantiles the probabilities at 0, 0.1, ..., 100 percent (1001 values, non-decreasing)
 */
public record ScoreReference(int rows, double[] quantiles) {
    public static final int QUANTILES = 1001;

    public ScoreReference {
        if (rows < 1 || quantiles.length != QUANTILES) {
            throw new IllegalArgumentException("a score reference needs " + QUANTILES + " quantiles of at least one row");
        }
        for (int i = 1; i < quantiles.length; i++) {
            if (quantiles[i] < quantiles[i - 1]) {
                throw new IllegalArgumentException("score reference quantiles must be non-decreasing");
            }
        }
        quantiles = quantiles.clone();
    }

    public static ScoreReference fromSorted(double[] sortedProbabilities) {
        int n = sortedProbabilities.length;
        double[] quantiles = new double[QUANTILES];
        for (int q = 0; q < QUANTILES; q++) {
            double position = q / (double) (QUANTILES - 1) * (n - 1);
            int lower = (int) Math.floor(position);
            int upper = Math.min(n - 1, lower + 1);
            double weight = position - lower;
            double interpolated = sortedProbabilities[lower] + weight * (sortedProbabilities[upper] - sortedProbabilities[lower]);
            // Rounding can put an interpolated value a hair below its predecessor; quantiles must not decrease.
            quantiles[q] = q == 0 ? interpolated : Math.max(quantiles[q - 1], interpolated);
        }
        return new ScoreReference(n, quantiles);
    }

    /** Share (0-100) of the reference population scoring at or below {@code probability}. */
    public double percentile(double probability) {
        int index = Arrays.binarySearch(quantiles, probability);
        if (index < 0) {
            index = -index - 2;
        } else {
            while (index + 1 < quantiles.length && quantiles[index + 1] == probability) {
                index++;
            }
        }
        return Math.max(0, Math.min(100, index / 10.0));
    }
}
