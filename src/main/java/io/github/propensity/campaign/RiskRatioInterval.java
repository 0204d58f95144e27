// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.Optional;

/**
 * The Katz log-ratio interval for a risk ratio p1 / p2 (Katz, Baptista, Azen &amp; Pike 1978): log(RR) is roughly
 * normal with variance 1/x1 - 1/n1 + 1/x2 - 1/n2. Undefined when either group has no successes, where the log ratio
 * is infinite: then there is none rather than a made-up one.
 */
public final class RiskRatioInterval {
    private RiskRatioInterval() {
    }

    public static Optional<Interval> of(long successes1, long trials1, long successes2, long trials2, double z) {
        if (successes1 <= 0 || successes2 <= 0 || trials1 <= 0 || trials2 <= 0) {
            return Optional.empty();
        }
        double logRatio = Math.log(((double) successes1 / trials1) / ((double) successes2 / trials2));
        double standardError = Math.sqrt(1.0 / successes1 - 1.0 / trials1 + 1.0 / successes2 - 1.0 / trials2);
        return Optional.of(new Interval(Math.exp(logRatio - z * standardError), Math.exp(logRatio + z * standardError)));
    }
}
