// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NBD, BG/NBD without dropout, against its closed forms and as the limit BG/NBD approaches. */
class NbdTest {
    private static final List<Nbd> MODELS = List.of(new Nbd(0.243, 4.414), new Nbd(0.55, 10.58), new Nbd(3, 1.5));
    private static final double[][] HISTORIES = {{0, 0, 30}, {1, 2, 38}, {4, 30.43, 38.86}, {25, 70, 78}};

    @Test
    void logLikelihoodIsThePoissonGammaMixtureInProductForm() {
        for (Nbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                double T = h[2];
                // ∫ λ^x e^{-λT} Gamma(λ; r, α) dλ = r (r+1) ... (r+x-1) α^r / (α+T)^(r+x)
                double likelihood = Math.pow(m.alpha() / (m.alpha() + T), m.r());
                for (int k = 0; k < x; k++) {
                    likelihood *= (m.r() + k) / (m.alpha() + T);
                }
                assertEquals(Math.log(likelihood), m.logLikelihood(x, T), 1e-9 * Math.max(1, Math.abs(Math.log(likelihood))), m + " x=" + x);
            }
        }
    }

    @Test
    void countProbabilitiesFromTheLikelihoodSumToOne() {
        // The likelihood is that of x purchases at given times; times T^x / x! it is P(X(T) = x), which sums to 1.
        for (Nbd m : MODELS) {
            for (double T : new double[]{1, 26, 78}) {
                double total = 0;
                double mean = 0;
                for (int x = 0; x < 5_000; x++) {
                    double probability = Math.exp(m.logLikelihood(x, T) + x * Math.log(T) - Numerics.logGamma(x + 1));
                    total += probability;
                    mean += x * probability;
                }
                assertEquals(1, total, 1e-10, m + " T=" + T);
                assertEquals(m.r() * T / m.alpha(), mean, 1e-8 * mean, "E[X(T)] = rT/α");
            }
        }
    }

    @Test
    void expectedPurchasesAreThePosteriorMeanRateTimesTheHorizon() {
        for (Nbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                for (double t : new double[]{0.5, 13, 52, 520}) {
                    double expected = (m.r() + x) / (m.alpha() + h[2]) * t;
                    assertEquals(expected, m.expectedPurchases(t, x, h[1], h[2]), 1e-12 * expected);
                }
                assertEquals(0.0, m.expectedPurchases(0, x, h[1], h[2]), 0.0);
            }
        }
    }

    @Test
    void everyoneIsAliveAndTheNextPurchaseWaitIsLomax() {
        for (Nbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                assertEquals(1.0, m.pAlive(x, h[1], h[2]), 0.0);
                for (double t : new double[]{0.5, 13, 52}) {
                    double expected = 1 - Math.pow((m.alpha() + h[2]) / (m.alpha() + h[2] + t), m.r() + x);
                    assertEquals(expected, m.purchaseProbability(t, x, h[1], h[2]), 1e-12);
                }
                double median = m.medianWeeksToNextPurchase(x, h[2]);
                assertEquals(0.5, Math.pow((m.alpha() + h[2]) / (m.alpha() + h[2] + median), m.r() + x), 1e-12);
            }
        }
    }

    @Test
    void bgNbdWithVanishingDropoutApproachesTheNbd() {
        for (Nbd nbd : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                double previousLikelihoodGap = Double.POSITIVE_INFINITY;
                double previousExpectationGap = Double.POSITIVE_INFINITY;
                // a = 10^-k, b = 10^k: the mean dropout probability falls a hundredfold per step, and so do the gaps.
                for (int k = 2; k <= 4; k++) {
                    BgNbd almost = new BgNbd(nbd.r(), nbd.alpha(), Math.pow(10, -k), Math.pow(10, k));
                    double likelihoodGap = Math.abs(almost.logLikelihood(x, h[1], h[2]) - nbd.logLikelihood(x, h[2]));
                    double expected = nbd.expectedPurchases(52, x, h[1], h[2]);
                    double expectationGap = Math.abs(almost.expectedPurchases(52, x, h[1], h[2]) - expected) / expected;
                    // Without a repeat purchase the two likelihoods are the same function; only rounding separates them.
                    boolean likelihoodCloser = x == 0 ? likelihoodGap < 1e-9 : likelihoodGap < previousLikelihoodGap / 10;
                    assertTrue(likelihoodCloser && expectationGap < previousExpectationGap / 10,
                            nbd + " x=" + x + " k=" + k + ": " + likelihoodGap + ", " + expectationGap);
                    previousLikelihoodGap = likelihoodGap;
                    previousExpectationGap = expectationGap;
                }
                assertTrue(previousLikelihoodGap < 1e-3 && previousExpectationGap < 1e-3, previousLikelihoodGap + ", " + previousExpectationGap);
                // No series is involved in these, so the limit can be pushed further (not much: Smile's log-gamma
                // takes time in proportion to its argument, 4 ms at 1e5 and 0.7 s at 1e8).
                BgNbd almost = new BgNbd(nbd.r(), nbd.alpha(), 1e-5, 1e5);
                assertEquals(nbd.logLikelihood(x, h[2]), almost.logLikelihood(x, h[1], h[2]), 1e-5, nbd + " x=" + x);
                assertEquals(1, almost.pAlive(x, h[1], h[2]), 1e-5);
                for (double t : new double[]{1, 52, 520}) {
                    assertEquals(nbd.purchaseProbability(t, x, h[1], h[2]), almost.purchaseProbability(t, x, h[1], h[2]), 1e-5);
                }
            }
        }
    }

    @Test
    void expectedPurchasesStayBelowTheNoDropoutBoundNearTheLimit() {
        // Dropout only removes purchases: (1 - exp(-λpt))/p <= λt, so BG/NBD never expects more than the NBD; with a
        // mean dropout probability of 1e-16 the two agree to far better than 1e-9 (checked at 50 digits). In doubles
        // the expectation is c times a difference that shrinks like 1/c (c = a + b + x - 1), so rounding alone leaves
        // about c x 1e-16 of relative error or more: 1e-8 holds at b = 1e6 (at 1e8 it is 1.5e-7; before the series'
        // stopping rule took c into account it was 4e-5). Fits that run this far towards no dropout use the NBD.
        Nbd nbd = new Nbd(0.243, 4.414);
        for (double b : new double[]{1e6, 3e6}) {
            BgNbd almost = new BgNbd(0.243, 4.414, 1 / b, b);
            double bound = nbd.expectedPurchases(520, 0, 0, 30);
            double expected = almost.expectedPurchases(520, 0, 0, 30);
            assertTrue(expected <= bound * (1 + 1e-8), "b = " + b + ": " + expected + " exceeds the NBD's " + bound);
            assertEquals(bound, expected, 1e-8 * bound, "b = " + b);
        }
    }

    @Test
    void nonPositiveParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Nbd(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Nbd(1, -2));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }
}
