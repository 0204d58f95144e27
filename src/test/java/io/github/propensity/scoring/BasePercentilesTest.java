// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's percentile is the share counted directly and printed to one decimal, ties and extremes included. */
class BasePercentilesTest {
    private static String directly(float[] values, float p) {
        int count = 0;
        for (float value : values) {
            count += value <= p ? 1 : 0;
        }
        return Decimals.format(100.0 * count / values.length, 1);
    }

    @Test
    void printsTheShareAtOrBelowLikeADirectCount() {
        Random random = new Random(8);
        for (int size : new int[]{1, 2, 3, 7, 999, 1000, 1001, 2003, 20_011}) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                // Rounded to 1/50: long runs of ties.
                values[i] = Math.round(random.nextFloat() * 50) / 50f;
            }
            Arrays.sort(values);
            BasePercentiles table = BasePercentiles.fromSorted(values);
            float[] probes = new float[600];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = i % 2 == 0 ? values[random.nextInt(size)] : random.nextFloat() * 1.1f - 0.05f;
            }
            for (float p : probes) {
                assertEquals(directly(values, p), text(table, p), size + " values, p " + p);
            }
            assertEquals("0.0", text(table, -1f));
            assertEquals("100.0", text(table, 2f));
            assertEquals(directly(values, values[0]), text(table, values[0]));
        }
    }

    @Test
    void distinctScoresGetEveryStepOnce() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1000f;
        }
        BasePercentiles table = BasePercentiles.fromSorted(values);
        for (int i = 0; i < values.length; i++) {
            assertEquals(i + 1, table.tenths(values[i]));
        }
    }

    @Test
    void quantilesAtTheStepSharesGiveTheExactTable() {
        Random random = new Random(11);
        for (int size : new int[]{1, 3, 999, 1000, 2003, 20_011}) {
            float[] values = sortedWithTies(random, size);
            // The quantile at share q is the value of rank ceil(q * n), 1-based (the rank Spark's exact quantile gives).
            double[] quantiles = quantilesWithRankError(values, 0, random);
            BasePercentiles exact = BasePercentiles.fromSorted(values);
            BasePercentiles fromQuantiles = BasePercentiles.fromQuantiles(quantiles);
            for (float p : values) {
                assertEquals(exact.tenths(p), fromQuantiles.tenths(p), size + " values, p " + p);
            }
        }
    }

    @Test
    void quantilesOffByARankErrorMovePercentilesByAtMostTheStatedBound() {
        Random random = new Random(12);
        double relativeError = 0.001;
        // 100 * e percentage points for the rank error, plus one 0.1 step for the rounding: in tenths, 1000 * e + 1.
        int boundTenths = (int) Math.round(1000 * relativeError) + 1;
        for (int size : new int[]{2003, 20_011, 100_003}) {
            float[] values = sortedWithTies(random, size);
            BasePercentiles exact = BasePercentiles.fromSorted(values);
            BasePercentiles approximate = BasePercentiles.fromQuantiles(quantilesWithRankError(values, relativeError, random));
            int worst = 0;
            for (float p : values) {
                worst = Math.max(worst, Math.abs(exact.tenths(p) - approximate.tenths(p)));
            }
            assertTrue(worst <= boundTenths, size + " values: off by " + worst + " tenths");
        }
    }

    @Test
    void refusesQuantilesThatFall() {
        double[] quantiles = new double[1000];
        quantiles[500] = 0.5;
        assertThrows(IllegalArgumentException.class, () -> BasePercentiles.fromQuantiles(quantiles));
        assertThrows(IllegalArgumentException.class, () -> BasePercentiles.fromQuantiles(new double[10]));
    }

    /** Values rounded to 1/200, so long runs of ties, sorted. */
    private static float[] sortedWithTies(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = Math.round(random.nextFloat() * random.nextFloat() * 200) / 200f;
        }
        Arrays.sort(values);
        return values;
    }

    /**
     * The quantile at each step share, from a rank moved by up to {@code relativeError * n} either way at random (the
     * guarantee of Greenwald-Khanna summaries such as Spark's approxQuantile), kept ascending as theirs are.
     */
    private static double[] quantilesWithRankError(float[] sorted, double relativeError, Random random) {
        int n = sorted.length;
        double[] shares = BasePercentiles.stepShares();
        double[] quantiles = new double[shares.length];
        int slack = (int) Math.floor(relativeError * n);
        int previousRank = 1;
        for (int s = 0; s < shares.length; s++) {
            int rank = (int) Math.ceil(shares[s] * n) + (slack == 0 ? 0 : random.nextInt(2 * slack + 1) - slack);
            rank = Math.max(previousRank, Math.min(n, Math.max(1, rank)));
            previousRank = rank;
            quantiles[s] = sorted[rank - 1];
        }
        return quantiles;
    }

    private static String text(BasePercentiles table, float p) {
        return new String(table.text(table.tenths(p)), StandardCharsets.US_ASCII);
    }
}
