// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/**
 * Customers per arm to detect an absolute lift over a base response rate: the two-proportion test's normal
 * approximation without continuity correction (Fleiss, Levin &amp; Paik 2003, Statistical Methods for Rates and
 * Proportions, 3rd ed., eq. 4.14): n = (z_{1-a/2} sqrt(2 pbar qbar) + z_{1-b} sqrt(p1 q1 + p2 q2))^2 / mde^2, pbar the
 * mean of p1 and p2, rounded up. With K arms sharing one control, alpha is split over the K - 1 comparisons
 * (Bonferroni), matching a readout that adjusts its p-values (Holm is never less powerful, so the plan is safe).
 *
 * @param comparisonAlpha alpha / (arms - 1), the two-sided level of each comparison
 * @param achievedPower   the approximation's power at {@code customersPerArm} (at least {@code power})
 */
public record SampleSizePlan(double baseRate, double minimumDetectableEffect, double targetRate, double power, double alpha,
                             int arms, double comparisonAlpha, long customersPerArm, long totalCustomers, double achievedPower) {
    public static final double DEFAULT_POWER = 0.8;
    public static final double DEFAULT_ALPHA = 0.05;

    /** The setting a plan cannot be made with, for the front end to name in its own words. */
    public enum Setting { BASE_RATE, MINIMUM_DETECTABLE_EFFECT, POWER, ALPHA, ARMS }

    /** A setting out of range. */
    public static final class SettingException extends IllegalArgumentException {
        private final Setting setting;

        SettingException(Setting setting, String problem) {
            super(problem);
            this.setting = setting;
        }

        public Setting setting() {
            return setting;
        }
    }

    public static SampleSizePlan of(double baseRate, double minimumDetectableEffect, double power, double alpha, int arms) {
        requireOpenUnit(Setting.BASE_RATE, "the base rate", baseRate);
        requireOpenUnit(Setting.MINIMUM_DETECTABLE_EFFECT, "the minimum detectable lift", minimumDetectableEffect);
        double target = baseRate + minimumDetectableEffect;
        if (!(target < 1)) {
            throw new SettingException(Setting.MINIMUM_DETECTABLE_EFFECT, "base rate + lift must be below 1, not " + target);
        }
        requireOpenUnit(Setting.POWER, "power", power);
        requireOpenUnit(Setting.ALPHA, "alpha", alpha);
        if (arms < 2) {
            throw new SettingException(Setting.ARMS, "arms counts the control too, so it must be at least 2, not " + arms);
        }
        double comparisonAlpha = alpha / (arms - 1);
        double n = Math.ceil(exactCustomers(baseRate, target, power, comparisonAlpha));
        long perArm = (long) n;
        return new SampleSizePlan(baseRate, minimumDetectableEffect, target, power, alpha, arms, comparisonAlpha, perArm,
                Math.multiplyExact(perArm, arms), power(baseRate, target, comparisonAlpha, perArm));
    }

    /** Fleiss' n before rounding up. */
    static double exactCustomers(double p1, double p2, double power, double alpha) {
        double mean = (p1 + p2) / 2;
        double zAlpha = StandardNormal.quantile(1 - alpha / 2);
        double zBeta = StandardNormal.quantile(power);
        double root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / ((p2 - p1) * (p2 - p1));
    }

    /** The same approximation solved for power at n customers per arm (the far tail ignored, as in the formula). */
    static double power(double p1, double p2, double alpha, long customersPerArm) {
        double mean = (p1 + p2) / 2;
        double zAlpha = StandardNormal.quantile(1 - alpha / 2);
        double shift = Math.abs(p2 - p1) * Math.sqrt(customersPerArm) - zAlpha * Math.sqrt(2 * mean * (1 - mean));
        return StandardNormal.cdf(shift / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    }

    private static void requireOpenUnit(Setting setting, String what, double value) {
        if (!(value > 0 && value < 1)) {
            throw new SettingException(setting, what + " must be between 0 and 1 (exclusive), not " + value);
        }
    }
}
