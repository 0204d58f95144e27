// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import smile.math.special.Erf;

/** The standard normal distribution's tails and quantiles, through the complementary error function. */
final class StandardNormal {
    private static final double SQRT2 = Math.sqrt(2);
    /** z for a two-sided 95 % interval, the quantile at 0.975. */
    static final double Z_95 = quantile(0.975);

    private StandardNormal() {
    }

    static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** P(|Z| >= |z|): computed from the upper tail directly, so tiny p-values keep their digits. */
    static double twoSidedP(double z) {
        return Erf.erfc(Math.abs(z) / SQRT2);
    }

    /** The x with cdf(x) = p, 0 < p < 1. */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a normal quantile needs 0 < p < 1, not " + p);
        }
        return -SQRT2 * Erf.inverfc(2 * p);
    }
}
