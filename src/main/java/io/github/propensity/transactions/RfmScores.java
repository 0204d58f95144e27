// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.Arrays;

/**
 * Quintile scores 1 to 5 within one cut-off's customers, higher meaning better (more recent, more often, more spend).
 *
 * <p>A value's score comes from the share of customers strictly below it: {@code p = customers below / all}, score
 * {@code 1 + floor(5p)}. Tied customers therefore always share a score (ranking ties "first come first served", as
 * many RFM scripts do, gives two customers with the same history different scores depending on file order), the
 * lowest value always scores 1 (in a base where half the customers bought once, they are all F = 1, as marketers
 * read them), and with distinct values the scores are exact quintiles.
 */
public final class RfmScores {
    private RfmScores() {
    }

    /** Scores for each value, where larger values are better. */
    public static int[] higherIsBetter(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            // floor(5p) in integers: a value exactly on a quintile boundary lands the same way on every machine.
            long fifths = 5L * below / n;
            scores[i] = (int) Math.min(5, 1 + fifths);
        }
        return scores;
    }

    /** Scores for each value, where smaller values are better (days since the last order). */
    public static int[] lowerIsBetter(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return higherIsBetter(negated);
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
