// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * Population stability index: {@code sum (actual - expected) ln(actual / expected)} over bins of shares. Empty
 * bins are floored at {@value #FLOOR} so one empty bin does not make the index infinite (the usual practice).
 * Rule of thumb: below 0.1 stable, 0.1-0.2 some shift, above {@value #ALERT} a shift worth acting on.
 */
public final class Psi {
    public static final double ALERT = 0.2;
    static final double FLOOR = 1e-4;

    private Psi() {
    }

    public static double of(double[] expectedShares, long[] actualCounts) {
        if (expectedShares.length != actualCounts.length) {
            throw new IllegalArgumentException("expected and actual need the same bins");
        }
        long total = 0;
        for (long count : actualCounts) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int b = 0; b < expectedShares.length; b++) {
            double expected = Math.max(FLOOR, expectedShares[b]);
            double actual = Math.max(FLOOR, (double) actualCounts[b] / total);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }
}
