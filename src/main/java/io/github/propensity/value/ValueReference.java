// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.Arrays;

/**
 * Where a CLV stands among the customers the value model was fitted on: their CLV at the calibration end at every
 * whole percentile, so that a weekly rescoring bands customers against a fixed reference instead of against
 * whoever happens to be in this week's file.
 *
 * @param clvPercentiles 101 ascending values: the 0th, 1st, ..., 100th percentile of the reference CLVs
 */
public record ValueReference(double[] clvPercentiles) {
    public static final int POINTS = 101;

    public ValueReference {
        if (clvPercentiles.length != POINTS) {
            throw new IllegalArgumentException("a value reference holds " + POINTS + " percentiles, got " + clvPercentiles.length);
        }
        clvPercentiles = clvPercentiles.clone();
        for (int i = 0; i < POINTS; i++) {
            if (!Double.isFinite(clvPercentiles[i]) || (i > 0 && clvPercentiles[i] < clvPercentiles[i - 1])) {
                throw new IllegalArgumentException("value reference percentiles must be finite and ascending");
            }
        }
    }

    /** The reference of a set of CLVs (sorted in place). */
    public static ValueReference of(double[] clvs) {
        if (clvs.length == 0) {
            throw new IllegalArgumentException("a value reference needs at least one customer");
        }
        Arrays.sort(clvs);
        double[] percentiles = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            // Linear interpolation between order statistics (numpy's default), so small references stay smooth.
            double position = p / 100.0 * (clvs.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, clvs.length - 1);
            percentiles[p] = clvs[below] + (position - below) * (clvs[above] - clvs[below]);
        }
        return new ValueReference(percentiles);
    }

    /** The CLV at a whole percentile (0-100) of the reference. */
    public double clvAt(int percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("a percentile is 0 to 100, got " + percentile);
        }
        return clvPercentiles[percentile];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueReference that && Arrays.equals(clvPercentiles, that.clvPercentiles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(clvPercentiles);
    }

    @Override
    public String toString() {
        return "ValueReference" + Arrays.toString(clvPercentiles);
    }
}
