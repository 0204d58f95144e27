// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleSizePlanTest {
    @Test
    void customersPerArmByHand() {
        // 0.06 -> 0.07, alpha 0.05, power 0.8: pbar 0.065; z 1.959964 x sqrt(2 x 0.065 x 0.935) = 1.959964 x 0.3486402
        // = 0.6833220; 0.8416212 x sqrt(0.06 x 0.94 + 0.07 x 0.93) = 0.8416212 x 0.3485685 = 0.2933627;
        // (0.9766847)^2 / 0.0001 = 9539.13 -> 9540
        SampleSizePlan plan = SampleSizePlan.of(0.06, 0.01, 0.8, 0.05, 2);
        assertEquals(9540, plan.customersPerArm());
        assertEquals(19080, plan.totalCustomers());
        // Fleiss' classic 0.10 vs 0.15 at alpha 0.05 and power 0.9, without continuity correction: 917.3 -> 918
        assertEquals(918, SampleSizePlan.of(0.10, 0.05, 0.9, 0.05, 2).customersPerArm());
    }

    @Test
    void powerAtTheSizeReachesTheTargetAndOneFewerDoesNot() {
        double[][] cases = {{0.06, 0.01, 0.8, 0.05, 2}, {0.02, 0.005, 0.9, 0.05, 3}, {0.3, 0.1, 0.8, 0.01, 4}, {0.5, 0.02, 0.95, 0.05, 2}};
        for (double[] c : cases) {
            SampleSizePlan plan = SampleSizePlan.of(c[0], c[1], c[2], c[3], (int) c[4]);
            double alpha = c[3] / (c[4] - 1);
            assertEquals(alpha, plan.comparisonAlpha(), 1e-15);
            assertTrue(power(c[0], c[0] + c[1], alpha, plan.customersPerArm()) >= c[2], "power at n");
            assertTrue(power(c[0], c[0] + c[1], alpha, plan.customersPerArm() - 1) < c[2], "power at n - 1");
        }
    }

    @Test
    void bonferroniSplitsAlphaOverTheComparisons() {
        // 0.06 -> 0.07 at alpha 0.025 (3 arms): z 2.241403 instead of 1.959964, n = 11552.07 -> 11553 per arm
        SampleSizePlan plan = SampleSizePlan.of(0.06, 0.01, 0.8, 0.05, 3);
        assertEquals(0.025, plan.comparisonAlpha(), 1e-15);
        assertEquals(11553, plan.customersPerArm());
        assertEquals(3 * 11553, plan.totalCustomers());
    }

    @Test
    void refusesSettingsOutOfRangeNamingThem() {
        assertEquals(SampleSizePlan.Setting.BASE_RATE, assertThrows(SampleSizePlan.SettingException.class,
                () -> SampleSizePlan.of(1.2, 0.01, 0.8, 0.05, 2)).setting());
        assertEquals(SampleSizePlan.Setting.MINIMUM_DETECTABLE_EFFECT, assertThrows(SampleSizePlan.SettingException.class,
                () -> SampleSizePlan.of(0.95, 0.1, 0.8, 0.05, 2)).setting());
        assertEquals(SampleSizePlan.Setting.POWER, assertThrows(SampleSizePlan.SettingException.class,
                () -> SampleSizePlan.of(0.1, 0.01, 1, 0.05, 2)).setting());
        assertEquals(SampleSizePlan.Setting.ALPHA, assertThrows(SampleSizePlan.SettingException.class,
                () -> SampleSizePlan.of(0.1, 0.01, 0.8, 0, 2)).setting());
        assertEquals(SampleSizePlan.Setting.ARMS, assertThrows(SampleSizePlan.SettingException.class,
                () -> SampleSizePlan.of(0.1, 0.01, 0.8, 0.05, 1)).setting());
    }

    /**
     * The approximation's power written independently of the class: the normal CDF by Simpson's rule on the density
     * and the quantile by bisection on that CDF, so neither shares code with the error functions the plan uses.
     */
    private static double power(double p1, double p2, double alpha, long n) {
        double mean = (p1 + p2) / 2;
        double zAlpha = quantile(1 - alpha / 2);
        double shift = (p2 - p1) * Math.sqrt(n) - zAlpha * Math.sqrt(2 * mean * (1 - mean));
        return cdf(shift / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    }

    private static double cdf(double x) {
        int steps = 20_000;
        double h = x / steps;
        double sum = density(0) + density(x);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * density(i * h);
        }
        return 0.5 + sum * h / 3;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    private static double quantile(double p) {
        double low = -10;
        double high = 10;
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (cdf(middle) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }
}
