// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.evaluation.UpliftMetrics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How well predicted uplift ranks customers of a randomized campaign, in scikit-uplift's definitions
 * ({@link UpliftMetrics}), each with a 95 % percentile interval from {@value #REPLICATES} Poisson bootstrap
 * replicates: every row is counted Poisson(1) times, which for large n is the ordinary bootstrap and needs no second
 * copy of the rows. Replicate r draws from its own generator seeded by (seed, r), so the intervals are the same
 * whatever the thread count.
 *
 * @param qiniCurve the Qini curve at each twentieth of the ranking: share of customers, incremental responders
 * @param treatedShare the share of treated customers among the first tenth, two tenths, ... of the ranking
 */
public record UpliftEvaluation(int rows, int treated, int control, Estimate qini, Estimate upliftAt10, Estimate upliftAt30,
                               Estimate averageEffect, List<UpliftMetrics.Decile> deciles, double[][] qiniCurve,
                               double[] treatedShare, int replicates, long seed) {
    public static final int REPLICATES = 200;

    /** A point estimate on all rows and its bootstrap interval (NaN bounds when too few replicates were defined). */
    public record Estimate(double value, double low, double high) {
    }

    public static UpliftEvaluation of(double[] uplift, boolean[] outcome, boolean[] treated, long seed) {
        UpliftMetrics.Ranked ranked = UpliftMetrics.rank(uplift, outcome, treated);
        int n = uplift.length;
        double[][] replicate = new double[REPLICATES][];
        IntStream.range(0, REPLICATES).parallel().forEach(r -> {
            int[] weights = poissonCounts(n, new SplittableRandom(mix(seed, r)));
            replicate[r] = new double[]{ranked.qini(weights), ranked.upliftAtK(weights, 0.1), ranked.upliftAtK(weights, 0.3),
                    ranked.averageEffect(weights)};
        });
        int treatedCount = 0;
        for (boolean t : treated) {
            treatedCount += t ? 1 : 0;
        }
        return new UpliftEvaluation(n, treatedCount, n - treatedCount,
                estimate(ranked.qini(null), replicate, 0), estimate(ranked.upliftAtK(null, 0.1), replicate, 1),
                estimate(ranked.upliftAtK(null, 0.3), replicate, 2), estimate(ranked.averageEffect(null), replicate, 3),
                UpliftMetrics.byDecile(uplift, outcome, treated), ranked.qiniCurve(20),
                UpliftMetrics.treatedShareAlongRanking(uplift, treated, 10), REPLICATES, seed);
    }

    private static Estimate estimate(double value, double[][] replicates, int metric) {
        double[] values = Arrays.stream(replicates).mapToDouble(r -> r[metric]).filter(Double::isFinite).sorted().toArray();
        if (values.length < replicates.length * 0.9) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        return new Estimate(value, quantile(values, 0.025), quantile(values, 0.975));
    }

    /** The linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Poisson(1) counts by inversion of its distribution function (exact up to counts of 20). */
    static int[] poissonCounts(int n, SplittableRandom random) {
        double[] cumulative = new double[21];
        double term = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < cumulative.length; k++) {
            sum += term;
            cumulative[k] = sum;
            term /= k + 1;
        }
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < cumulative.length - 1 && u > cumulative[k]) {
                k++;
            }
            counts[i] = k;
        }
        return counts;
    }

    private static long mix(long seed, int replicate) {
        long z = seed * 0x9E3779B97F4A7C15L + replicate;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
