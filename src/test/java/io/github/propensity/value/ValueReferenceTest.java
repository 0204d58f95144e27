// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CLV percentiles: linear interpolation between order statistics, as numpy's default. */
class ValueReferenceTest {
    @Test
    void percentilesOfFiveValuesAreInterpolatedByHand() {
        ValueReference reference = ValueReference.of(new double[]{50, 10, 40, 20, 30});
        assertEquals(10, reference.clvAt(0), 0.0);
        assertEquals(14, reference.clvAt(10), 1e-12);
        assertEquals(20, reference.clvAt(25), 1e-12);
        assertEquals(30, reference.clvAt(50), 1e-12);
        assertEquals(46, reference.clvAt(90), 1e-12);
        assertEquals(50, reference.clvAt(100), 0.0);
    }

    @Test
    void percentilesMatchABruteForceWalkAlongTheSortedValues() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n : new int[]{1, 2, 3, 7, 100, 101, 1_000, 4_567}) {
            double[] clvs = new double[n];
            for (int i = 0; i < n; i++) {
                // Many ties at 0 (one-time buyers with nothing expected) and a long right tail.
                clvs[i] = random.nextDouble() < 0.3 ? 0 : Math.exp(3 * random.nextGaussian());
            }
            double[] sorted = Arrays.stream(clvs).sorted().toArray();
            ValueReference reference = ValueReference.of(clvs.clone());
            for (int p = 0; p <= 100; p++) {
                assertEquals(bruteForce(sorted, p / 100.0), reference.clvAt(p), 1e-12 * Math.max(1, Math.abs(sorted[n - 1])), "n " + n + " p " + p);
            }
        }
    }

    /** The piecewise-linear curve through (i / (n-1), i-th smallest value), read at q by finding its segment. */
    private static double bruteForce(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 1) {
            return sorted[0];
        }
        for (int i = 0; i < n - 1; i++) {
            double from = (double) i / (n - 1);
            double to = (double) (i + 1) / (n - 1);
            if (q >= from && q <= to) {
                return sorted[i] + (q - from) / (to - from) * (sorted[i + 1] - sorted[i]);
            }
        }
        throw new AssertionError("q outside [0, 1]: " + q);
    }

    @Test
    void aReferenceNeedsOneHundredAndOneFiniteAscendingValues() {
        assertThrows(IllegalArgumentException.class, () -> ValueReference.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new ValueReference(new double[100]));
        double[] descending = new double[ValueReference.POINTS];
        descending[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> new ValueReference(descending));
        double[] withNaN = new double[ValueReference.POINTS];
        withNaN[50] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new ValueReference(withNaN));
        ValueReference reference = ValueReference.of(new double[]{1, 2});
        assertThrows(IllegalArgumentException.class, () -> reference.clvAt(-1));
        assertThrows(IllegalArgumentException.class, () -> reference.clvAt(101));
    }
}
