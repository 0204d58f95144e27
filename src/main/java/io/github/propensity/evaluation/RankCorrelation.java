// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

/**
 * Spearman's rank correlation: Pearson's correlation of the two variables' ranks, tied values sharing their mean
 * rank (so a forecast that ties many customers, as every count model does for one-time buyers, is not rewarded or
 * punished for the order of the ties). Primitive index sorts: a million pairs cost a few arrays, not a million
 * objects.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /** NaN when either variable is constant (its ranks have no spread). */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the two variables differ in length: " + x.length + " and " + y.length);
        }
        return pearson(ranks(x), ranks(y));
    }

    /** Mean ranks, 1 = highest value (the direction does not change the correlation). */
    static double[] ranks(double[] values) {
        int[] order = DescendingOrder.of(values);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && Double.compare(values[order[end + 1]], values[order[start]]) == 0) {
                end++;
            }
            double mean = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mean;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        return varianceX == 0 || varianceY == 0 ? Double.NaN : covariance / Math.sqrt(varianceX * varianceY);
    }
}
