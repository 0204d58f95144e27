// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BG/NBD (Fader, Hardie &amp; Lee 2005) against the paper's formulas computed another way: the likelihood from Beta
 * functions in linear space, the conditional expectation by integrating over the posterior of the dropout
 * probability, and the paper's untransformed equation (10) with a plain hypergeometric series.
 */
class BgNbdTest {
    /** CDNOW's published estimates, then a &gt; 1, a at and next to 1, a tiny a with b &lt; 1, and a large a. */
    private static final List<BgNbd> MODELS = List.of(
            new BgNbd(0.243, 4.414, 0.793, 2.426),
            new BgNbd(1.5, 10, 2.5, 6),
            new BgNbd(0.5, 2, 1 + 1e-9, 3),
            new BgNbd(0.5, 2, 1, 3),
            new BgNbd(0.5, 2, 1 - 1e-7, 3),
            new BgNbd(2, 20, 0.2, 0.4),
            new BgNbd(0.8, 5, 5, 1.2));

    /** (x, t_x, T) in weeks: a one-time buyer, a lapsed one, a recent one, a heavy one. */
    private static final double[][] HISTORIES = {{0, 0, 30}, {1, 2, 38}, {2, 30.43, 38.86}, {7, 35, 36}, {60, 70, 78}};

    private static final double[] HORIZONS = {0.01, 1, 39, 52.14, 520};

    @Test
    void logLikelihoodIsEquationSixFromBetaFunctions() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                double expected = Math.log(stillActive(m, x, h[2]) + droppedOut(m, x, h[1]));
                double actual = m.logLikelihood(x, h[1], h[2]);
                assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), m + " " + List.of(h[0], h[1], h[2]));
            }
        }
    }

    @Test
    void logLikelihoodOfTheCdnowEstimatesMatchesAHandComputedValue() {
        // x = 2, t_x = 30.43, T = 38.86 under (r, α, a, b) = (0.243, 4.414, 0.793, 2.426): the Beta parts
        // B(a, b+2)/B(a, b) = b(b+1)/((a+b)(a+b+1)) and the gamma part Γ(r+2)/Γ(r) = r(r+1), by hand.
        double r = 0.243, alpha = 4.414, a = 0.793, b = 2.426;
        double betaPart = b * (b + 1) / ((a + b) * (a + b + 1));
        double gammaPart = r * (r + 1) * Math.pow(alpha, r);
        double likelihood = gammaPart * betaPart * (Math.pow(alpha + 38.86, -(r + 2)) + a / (b + 1) * Math.pow(alpha + 30.43, -(r + 2)));
        assertEquals(Math.log(likelihood), new BgNbd(r, alpha, a, b).logLikelihood(2, 30.43, 38.86), 1e-12);
    }

    @Test
    void aCustomerWithoutARepeatPurchaseIsAliveForCertain() {
        for (BgNbd m : MODELS) {
            for (double T : new double[]{0, 1, 30, 78, 500}) {
                assertEquals(1.0, m.pAlive(0, 0, T), 0.0, m + " T = " + T);
            }
        }
    }

    @Test
    void pAliveIsTheShareOfTheLikelihoodThatStillActiveExplains() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                if (x == 0) {
                    continue;
                }
                double expected = stillActive(m, x, h[2]) / (stillActive(m, x, h[2]) + droppedOut(m, x, h[1]));
                double pAlive = m.pAlive(x, h[1], h[2]);
                assertEquals(expected, pAlive, 1e-12 + 1e-9 * expected, m + " " + List.of(h[0], h[1], h[2]));
                assertTrue(pAlive > 0 && pAlive < 1, "a repeat buyer silent since t_x < T may have left: " + pAlive);
            }
        }
    }

    @Test
    void pAliveFallsTheLongerARepeatBuyerStaysSilent() {
        BgNbd m = MODELS.get(0);
        // Even right after a purchase P(alive) is below 1: the customer may have left straight after it.
        assertEquals(1 / (1 + m.a() / (m.b() + 2)), m.pAlive(3, 10, 10), 1e-15);
        double previous = 1;
        for (double T = 10; T <= 100; T += 10) {
            double pAlive = m.pAlive(3, 10, T);
            assertTrue(pAlive < previous, "T = " + T + ": " + pAlive);
            previous = pAlive;
        }
    }

    @Test
    void expectedPurchasesIntegrateOverThePosteriorDropoutProbability() {
        List<String> failures = new ArrayList<>();
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                for (double t : HORIZONS) {
                    int x = (int) h[0];
                    double expected = posteriorIntegral(m, t, x, h[1], h[2]);
                    double actual = m.expectedPurchases(t, x, h[1], h[2]);
                    // The two agree to about 1e-12; 1e-8 leaves the quadrature room without hiding a wrong term.
                    if (!(Math.abs(actual - expected) <= 1e-8 * expected)) {
                        failures.add(m + " x=" + x + " tx=" + h[1] + " T=" + h[2] + " t=" + t + ": integral " + expected + ", model " + actual);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void expectedPurchasesEqualThePapersEquationTenWhereItsSeriesConverges() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (BgNbd m : MODELS) {
            if (Math.abs(m.a() - 1) < 1e-3) {
                continue; // equation (10) divides by a - 1
            }
            for (double[] h : HISTORIES) {
                for (double t : HORIZONS) {
                    double z = t / (m.alpha() + h[2] + t);
                    if (z >= 0.5) {
                        continue;
                    }
                    int x = (int) h[0];
                    double expected = equationTen(m, t, x, h[1], h[2]);
                    double actual = m.expectedPurchases(t, x, h[1], h[2]);
                    checked++;
                    if (!(Math.abs(actual - expected) <= 1e-8 * expected)) {
                        failures.add(m + " x=" + x + " T=" + h[2] + " t=" + t + ": equation (10) " + expected + ", model " + actual);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= 40, "only " + checked + " cases had z < 0.5");
    }

    @Test
    void expectedPurchasesStartAtZeroAndNeverFallAsTheHorizonGrows() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                assertEquals(0.0, m.expectedPurchases(0, x, h[1], h[2]), 0.0);
                double previous = 0;
                for (double t = 0.5; t <= 530; t += 0.5) {
                    double e = m.expectedPurchases(t, x, h[1], h[2]);
                    assertTrue(e >= previous * (1 - 1e-12), m + " x=" + x + " t=" + t + ": " + e + " after " + previous);
                    previous = e;
                }
            }
        }
    }

    @Test
    void purchaseProbabilityIsPAliveTimesTheChanceOfAnExponentialWaitUnderThePosteriorRate() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                double pAlive = x == 0 ? 1 : stillActive(m, x, h[2]) / (stillActive(m, x, h[2]) + droppedOut(m, x, h[1]));
                for (double t : HORIZONS) {
                    // P(wait <= t) with λ ~ Gamma(r+x, α+T) is 1 - E[exp(-λ t)], the Laplace transform of the Gamma.
                    double expected = pAlive * (1 - Math.pow((m.alpha() + h[2]) / (m.alpha() + h[2] + t), m.r() + x));
                    assertEquals(expected, m.purchaseProbability(t, x, h[1], h[2]), 1e-12 + 1e-9 * expected);
                }
            }
        }
    }

    @Test
    void purchaseProbabilityNeverExceedsPAliveNorTheExpectedCount() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                for (double t : HORIZONS) {
                    double probability = m.purchaseProbability(t, x, h[1], h[2]);
                    assertTrue(probability >= 0 && probability <= m.pAlive(x, h[1], h[2]));
                    assertTrue(probability <= m.expectedPurchases(t, x, h[1], h[2]) * (1 + 1e-9), "P(N >= 1) <= E[N]");
                }
            }
        }
    }

    @Test
    void theMedianWaitLeavesHalfOfTheLomaxSurvivalAbove() {
        for (BgNbd m : MODELS) {
            for (double[] h : HISTORIES) {
                int x = (int) h[0];
                double median = m.medianWeeksToNextPurchase(x, h[2]);
                double survival = Math.pow((m.alpha() + h[2]) / (m.alpha() + h[2] + median), m.r() + x);
                assertEquals(0.5, survival, 1e-12, m + " x=" + x + " T=" + h[2]);
            }
        }
    }

    @Test
    void theLikelihoodTakesNoLongerForAHugeB() {
        // If this times out, the computing thread runs on until the test JVM exits.
        double logLikelihood = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> new BgNbd(0.5, 6, 1e-9, 1e9).logLikelihood(3, 20, 40));
        assertTrue(Double.isFinite(logLikelihood));
    }

    @Test
    void nonPositiveOrInfiniteParametersAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BgNbd(0.2, 4, 0, 2));
        assertTrue(e.getMessage().startsWith("a must be"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(-1, 4, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, Double.NaN, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, 4, 1, Double.POSITIVE_INFINITY));
    }

    /** The "still active" term of equation (6): B(a, b+x)/B(a, b) Γ(r+x)/Γ(r) α^r / (α+T)^(r+x). */
    private static double stillActive(BgNbd m, int x, double T) {
        return Math.exp(Numerics.logBeta(m.a(), m.b() + x) - Numerics.logBeta(m.a(), m.b()))
                * Math.exp(Numerics.logGamma(m.r() + x) - Numerics.logGamma(m.r())) * Math.pow(m.alpha(), m.r())
                / Math.pow(m.alpha() + T, m.r() + x);
    }

    /** The "dropped out after the last purchase" term: B(a+1, b+x-1)/B(a, b) Γ(r+x)/Γ(r) α^r / (α+t_x)^(r+x); 0 at x = 0. */
    private static double droppedOut(BgNbd m, int x, double tx) {
        if (x == 0) {
            return 0;
        }
        return Math.exp(Numerics.logBeta(m.a() + 1, m.b() + x - 1) - Numerics.logBeta(m.a(), m.b()))
                * Math.exp(Numerics.logGamma(m.r() + x) - Numerics.logGamma(m.r())) * Math.pow(m.alpha(), m.r())
                / Math.pow(m.alpha() + tx, m.r() + x);
    }

    /**
     * E[Y(t) | x, t_x, T] = P(alive) E[(1 - exp(-λ p t)) / p], with λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x)
     * independent given that the customer is alive: the expectation over λ is closed, the one over p numerical.
     */
    private static double posteriorIntegral(BgNbd m, double t, int x, double tx, double T) {
        double pAlive = x == 0 ? 1 : stillActive(m, x, T) / (stillActive(m, x, T) + droppedOut(m, x, tx));
        double shape = m.r() + x;
        double scale = t / (m.alpha() + T);
        double perActiveCustomer = Numerics.betaExpectation(p -> p == 0 ? shape * scale
                : -Math.expm1(-shape * Math.log1p(p * scale)) / p, m.a(), m.b() + x, 20_000);
        return pAlive * perActiveCustomer;
    }

    /** Equation (10) as printed, with 2F1(r+x, b+x; a+b+x-1; z) summed term by term. */
    private static double equationTen(BgNbd m, double t, int x, double tx, double T) {
        double r = m.r(), alpha = m.alpha(), a = m.a(), b = m.b();
        double z = t / (alpha + T + t);
        double c = a + b + x - 1;
        double term = 1;
        double hypergeometric = 1;
        for (int n = 0; n < 100_000 && Math.abs(term) > 1e-17 * Math.abs(hypergeometric); n++) {
            term *= (r + x + n) * (b + x + n) / ((c + n) * (n + 1)) * z;
            hypergeometric += term;
        }
        double numerator = c / (a - 1) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hypergeometric);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
        return numerator / denominator;
    }
}
