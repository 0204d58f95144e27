// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/**
 * The Wilson score interval for a proportion (Wilson 1927): the p whose score test at level z does not reject,
 * p-hat and z^2/2n pulled together. Unlike the Wald interval it stays inside [0, 1] and is sensible at 0 or n
 * successes, which is why Newcombe's difference interval is built on it.
 */
public final class WilsonInterval {
    private WilsonInterval() {
    }

    public static Interval of(long successes, long trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a Wilson interval needs 0 <= successes <= trials and trials > 0, not "
                    + successes + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        // At 0 or n successes the closed form lands on the bound up to rounding; the bound is exact.
        double lower = successes == 0 ? 0 : (centre - halfWidth) / denominator;
        double upper = successes == trials ? 1 : (centre + halfWidth) / denominator;
        return new Interval(lower, upper);
    }
}
