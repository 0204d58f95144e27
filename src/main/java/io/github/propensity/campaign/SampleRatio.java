// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import smile.math.special.Gamma;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample-ratio mismatch check: did the arms get the customers the design said they would? Pearson's chi-square
 * goodness of fit of the observed counts to the expected split, k - 1 degrees of freedom. A mismatch (p below
 * {@link #THRESHOLD}) means the assignment or the logging broke, and no lift from the file can be trusted.
 *
 * @param arms     the arms in report order (control first)
 * @param pValue   P(chi-square with {@code degreesOfFreedom} >= {@code chiSquare})
 * @param mismatch {@code pValue < threshold}
 */
public record SampleRatio(List<ArmShare> arms, double chiSquare, int degreesOfFreedom, double pValue, double threshold,
                          boolean mismatch) {
    /**
     * p below 0.001 fails: the threshold Microsoft's ExP and most platforms use (Fabijan et al. 2019, "Diagnosing
     * sample ratio mismatch in online controlled experiments", KDD), strict because the check runs on every
     * experiment and a false alarm stops a good one.
     */
    public static final double THRESHOLD = 0.001;

    /** One arm's observed and expected customers. */
    public record ArmShare(String arm, long customers, double observedShare, double expectedShare, double expectedCustomers) {
    }

    public SampleRatio {
        arms = List.copyOf(arms);
    }

    /**
     * @param customers      per arm, in report order
     * @param expectedWeights per arm, in the same order, any positive scale ({@code 1:1:1}, {@code 50:25:25})
     */
    public static SampleRatio check(List<String> names, long[] customers, double[] expectedWeights) {
        if (names.size() != customers.length || customers.length != expectedWeights.length || customers.length < 2) {
            throw new IllegalArgumentException("a sample-ratio check needs at least two arms with a count and a weight each");
        }
        double weightTotal = 0;
        long total = 0;
        for (int arm = 0; arm < customers.length; arm++) {
            if (!(expectedWeights[arm] > 0) || Double.isInfinite(expectedWeights[arm])) {
                throw new IllegalArgumentException("expected split weights must be positive, not " + expectedWeights[arm]);
            }
            weightTotal += expectedWeights[arm];
            total += customers[arm];
        }
        double chiSquare = 0;
        List<ArmShare> shares = new ArrayList<>();
        for (int arm = 0; arm < customers.length; arm++) {
            double share = expectedWeights[arm] / weightTotal;
            double expected = share * total;
            double gap = customers[arm] - expected;
            chiSquare += expected > 0 ? gap * gap / expected : 0;
            shares.add(new ArmShare(names.get(arm), customers[arm], total > 0 ? (double) customers[arm] / total : 0, share, expected));
        }
        int degrees = customers.length - 1;
        // The incomplete gamma at 0 is 1 by definition; not every implementation returns it there.
        double p = total > 0 && chiSquare > 0 ? Gamma.regularizedUpperIncompleteGamma(degrees / 2.0, chiSquare / 2) : 1;
        return new SampleRatio(shares, chiSquare, degrees, p, THRESHOLD, p < THRESHOLD);
    }
}
