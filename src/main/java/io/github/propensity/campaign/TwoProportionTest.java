// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.OptionalDouble;

/**
 * The pooled two-proportion z-test, two-sided: z = (p1 - p2) / sqrt(p(1 - p)(1/n1 + 1/n2)) with p the pooled rate.
 * z^2 is the 2x2 table's Pearson chi-square without continuity correction, so the p-value is that test's too.
 */
public final class TwoProportionTest {
    private TwoProportionTest() {
    }

    /** The z statistic, or empty when it is undefined (an empty group, or nobody or everybody responded). */
    public static OptionalDouble z(long successes1, long trials1, long successes2, long trials2) {
        if (trials1 <= 0 || trials2 <= 0) {
            return OptionalDouble.empty();
        }
        double pooled = (double) (successes1 + successes2) / (trials1 + trials2);
        double variance = pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2);
        if (!(variance > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(((double) successes1 / trials1 - (double) successes2 / trials2) / Math.sqrt(variance));
    }

    public static OptionalDouble pValue(long successes1, long trials1, long successes2, long trials2) {
        OptionalDouble z = z(successes1, trials1, successes2, trials2);
        return z.isPresent() ? OptionalDouble.of(StandardNormal.twoSidedP(z.getAsDouble())) : OptionalDouble.empty();
    }
}
