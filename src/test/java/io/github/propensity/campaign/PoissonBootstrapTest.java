// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoissonBootstrapTest {
    @Test
    void weightsArePoissonWithMeanAndVarianceOne() {
        long draws = 2_000_000;
        double sum = 0;
        double sumSquares = 0;
        long zeros = 0;
        for (long i = 0; i < draws; i++) {
            int w = PoissonBootstrap.poissonOne(PoissonBootstrap.mix(i * 0x9E3779B97F4A7C15L + 12345));
            sum += w;
            sumSquares += (double) w * w;
            zeros += w == 0 ? 1 : 0;
        }
        double mean = sum / draws;
        // Standard errors at 2M draws: mean 0.0007, variance about 0.0012, P(0) = e^-1 about 0.00034.
        assertEquals(1, mean, 0.004);
        assertEquals(1, sumSquares / draws - mean * mean, 0.006);
        assertEquals(Math.exp(-1), (double) zeros / draws, 0.002);
    }

    @Test
    void sameSeedGivesTheSameBitsAtAnyThreadCountAndAnotherSeedDoesNot() {
        double[] one = differences(7, 1, 20_000, 11);
        assertArrayEquals(one, differences(7, 1, 20_000, 11));
        assertArrayEquals(one, differences(7, 3, 20_000, 11));
        assertArrayEquals(one, differences(7, 8, 20_000, 11));
        assertFalse(java.util.Arrays.equals(one, differences(8, 1, 20_000, 11)));
    }

    @Test
    void intervalCoversTheTrueDifferenceAtAboutTheNominalRateAndMatchesTheAnalyticWidth() {
        // Arm values exponential with mean 2, control with mean 1.5: the true difference is 0.5. Across 40 generated
        // sets the 95 % interval should miss about twice; 6 or more misses has probability below 0.1 %.
        int misses = 0;
        for (int set = 0; set < 40; set++) {
            Sample sample = Sample.generate(4_000, 1_000 + set);
            try (PoissonBootstrap bootstrap = new PoissonBootstrap(99, 400, 2)) {
                int arm = bootstrap.newCell();
                int control = bootstrap.newCell();
                for (int i = 0; i < sample.values.length; i++) {
                    bootstrap.add(i, sample.values[i], sample.inArm[i] ? arm : control, -1);
                }
                double[] a = bootstrap.means(arm);
                double[] c = bootstrap.means(control);
                double[] d = new double[a.length];
                for (int b = 0; b < d.length; b++) {
                    d[b] = a[b] - c[b];
                }
                Interval interval = PoissonBootstrap.percentileInterval(d);
                if (!(interval.lower() <= 0.5 && 0.5 <= interval.upper())) {
                    misses++;
                }
                // The analytic standard error of a difference of means: sqrt(s_a^2/n_a + s_c^2/n_c).
                double standardError = sample.standardErrorOfDifference();
                double bootstrapWidth = (interval.upper() - interval.lower()) / (2 * 1.959964);
                assertEquals(standardError, bootstrapWidth, 0.2 * standardError, "set " + set);
            }
        }
        assertTrue(misses <= 5, misses + " of 40 intervals missed the true difference");
    }

    private static double[] differences(long seed, int threads, int rows, long dataSeed) {
        Sample sample = Sample.generate(rows, dataSeed);
        try (PoissonBootstrap bootstrap = new PoissonBootstrap(seed, 300, threads)) {
            int arm = bootstrap.newCell();
            int control = bootstrap.newCell();
            int all = bootstrap.newCell();
            for (int i = 0; i < rows; i++) {
                bootstrap.add(i, sample.values[i], sample.inArm[i] ? arm : control, all);
            }
            double[] a = bootstrap.means(arm);
            double[] c = bootstrap.means(control);
            double[] everyone = bootstrap.means(all);
            double[] d = new double[a.length * 2];
            for (int b = 0; b < a.length; b++) {
                d[b] = a[b] - c[b];
                d[a.length + b] = everyone[b];
            }
            return d;
        }
    }

    private record Sample(double[] values, boolean[] inArm) {
        static Sample generate(int rows, long seed) {
            Random random = new Random(seed);
            double[] values = new double[rows];
            boolean[] inArm = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                inArm[i] = random.nextBoolean();
                values[i] = -Math.log(1 - random.nextDouble()) * (inArm[i] ? 2.0 : 1.5);
            }
            return new Sample(values, inArm);
        }

        double standardErrorOfDifference() {
            return Math.sqrt(varianceOfMean(true) + varianceOfMean(false));
        }

        private double varianceOfMean(boolean arm) {
            double sum = 0;
            double sumSquares = 0;
            int n = 0;
            for (int i = 0; i < values.length; i++) {
                if (inArm[i] == arm) {
                    sum += values[i];
                    sumSquares += values[i] * values[i];
                    n++;
                }
            }
            double mean = sum / n;
            return (sumSquares - n * mean * mean) / (n - 1) / n;
        }
    }
}
