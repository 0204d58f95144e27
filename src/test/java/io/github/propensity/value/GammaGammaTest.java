// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Gamma-Gamma (Fader &amp; Hardie 2013) against its likelihood written two other ways and its posterior mean. */
class GammaGammaTest {
    private static final List<GammaGamma> MODELS = List.of(new GammaGamma(6.25, 3.74, 15.44), new GammaGamma(0.8, 1.5, 40),
            new GammaGamma(2, 12, 300));
    private static final double[][] CUSTOMERS = {{1, 12.5}, {2, 35.2}, {5, 0.3}, {14, 80}, {40, 22}};

    @Test
    void logLikelihoodIsThePapersFormulaWithBetaFunctions() {
        for (GammaGamma m : MODELS) {
            for (double[] c : CUSTOMERS) {
                int x = (int) c[0];
                double mean = c[1];
                double px = m.p() * x;
                // f(m | x) = 1/B(px, q) γ^q (m x)^{px} / (m (γ + m x)^{px+q})
                double expected = -Numerics.logBeta(px, m.q()) + m.q() * Math.log(m.gamma()) + px * Math.log(mean * x)
                        - Math.log(mean) - (px + m.q()) * Math.log(m.gamma() + mean * x);
                assertEquals(expected, m.logLikelihood(x, mean), 1e-9 * Math.max(1, Math.abs(expected)), m + " x=" + x + " m=" + mean);
            }
        }
    }

    @Test
    void logLikelihoodIsTheMeanOfGammaOrdersMixedOverTheRate() {
        // Given ν, the mean of x Gamma(p, ν) values is Gamma(px, xν); integrate over ν ~ Gamma(q, γ) on a log grid.
        for (GammaGamma m : MODELS) {
            for (double[] c : CUSTOMERS) {
                int x = (int) c[0];
                double mean = c[1];
                double px = m.p() * x;
                double mode = Math.log((px + m.q()) / (m.gamma() + x * mean));
                double integral = Numerics.simpson(s -> {
                    double nu = Math.exp(s);
                    double logMeanGivenNu = px * Math.log(x * nu) + (px - 1) * Math.log(mean) - x * nu * mean - Numerics.logGamma(px);
                    double logRate = m.q() * Math.log(m.gamma()) + (m.q() - 1) * s - m.gamma() * nu - Numerics.logGamma(m.q());
                    return Math.exp(logMeanGivenNu + logRate + s);
                }, mode - 40, mode + 40, 200_000);
                assertEquals(Math.log(integral), m.logLikelihood(x, mean), 1e-8, m + " x=" + x + " m=" + mean);
            }
        }
    }

    @Test
    void expectedOrderValueWeighsTheOwnMeanByPxOverPxPlusQMinusOne() {
        for (GammaGamma m : MODELS) {
            double population = m.p() * m.gamma() / (m.q() - 1);
            assertEquals(population, m.populationMean(), 1e-12 * population);
            for (double[] c : CUSTOMERS) {
                int x = (int) c[0];
                double weight = m.p() * x / (m.p() * x + m.q() - 1);
                double expected = (1 - weight) * population + weight * c[1];
                assertEquals(expected, m.expectedOrderValue(x, c[1]), 1e-12 * expected, m + " x=" + x);
            }
        }
    }

    @Test
    void expectedOrderValueIsThePosteriorMeanOfPOverNu() {
        // E[p/ν | x, m] with ν | x, m ~ Gamma(px + q, γ + x m), by quadrature.
        GammaGamma m = MODELS.get(0);
        for (double[] c : CUSTOMERS) {
            int x = (int) c[0];
            double shape = m.p() * x + m.q();
            double rate = m.gamma() + x * c[1];
            double mode = Math.log(shape / rate);
            double normal = Numerics.simpson(s -> Math.exp(shape * s - rate * Math.exp(s) - Numerics.logGamma(shape) + shape * Math.log(rate)),
                    mode - 30, mode + 30, 100_000);
            double posteriorMean = Numerics.simpson(s -> m.p() * Math.exp(-s)
                    * Math.exp(shape * s - rate * Math.exp(s) - Numerics.logGamma(shape) + shape * Math.log(rate)), mode - 30, mode + 30, 100_000);
            assertEquals(1, normal, 1e-9);
            assertEquals(posteriorMean, m.expectedOrderValue(x, c[1]), 1e-8 * posteriorMean, "x=" + x);
        }
    }

    @Test
    void withoutARepeatOrderTheExpectedValueIsThePopulationMean() {
        for (GammaGamma m : MODELS) {
            assertEquals(m.populationMean(), m.expectedOrderValue(0, Double.NaN), 0.0);
            assertEquals(m.populationMean(), m.expectedOrderValue(0, 1_000), 0.0);
        }
    }

    @Test
    void aNonPositiveMeanCountsAsZero() {
        for (GammaGamma m : MODELS) {
            double zero = m.gamma() * m.p() / (3 * m.p() + m.q() - 1);
            assertEquals(zero, m.expectedOrderValue(3, 0), 1e-12 * zero);
            assertEquals(zero, m.expectedOrderValue(3, -25), 1e-12 * zero);
        }
    }

    @Test
    void thePopulationMeanIsInfiniteUnlessQExceedsOne() {
        assertEquals(Double.POSITIVE_INFINITY, new GammaGamma(2, 1, 10).populationMean());
        assertEquals(Double.POSITIVE_INFINITY, new GammaGamma(2, 0.5, 10).populationMean());
    }

    @Test
    void nonPositiveParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GammaGamma(0, 2, 10));
        assertThrows(IllegalArgumentException.class, () -> new GammaGamma(1, -2, 10));
        assertThrows(IllegalArgumentException.class, () -> new GammaGamma(1, 2, Double.NaN));
    }
}
