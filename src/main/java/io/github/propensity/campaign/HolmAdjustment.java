// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment (Holm 1979): the i-th smallest of m p-values becomes max over j <= i of
 * min(1, (m - j + 1) p_(j)). It controls the family-wise error rate like Bonferroni and is never less powerful.
 */
public final class HolmAdjustment {
    private HolmAdjustment() {
    }

    /** Adjusted p-values in the order given; NaN entries are not part of the family and stay NaN. */
    public static double[] adjust(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int family = order.length;
        double running = 0;
        for (int rank = 0; rank < family; rank++) {
            running = Math.max(running, Math.min(1, (family - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
