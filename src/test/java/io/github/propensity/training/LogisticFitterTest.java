// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.LinearModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fitted coefficients are the penalized optimum, checked by its optimality conditions and by repetition. */
class LogisticFitterTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d");

    private static double[][] rows(int n, Random random) {
        double[][] x = new double[n][NAMES.size()];
        for (double[] row : x) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian() + 0.5 * row[0];
            row[2] = random.nextBoolean() ? 1 : 0;
            row[3] = random.nextGaussian() * 3;
        }
        return x;
    }

    private static boolean[] outcomes(double[][] x, Random random) {
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double z = -1 + 1.5 * x[i][0] - 0.7 * x[i][1] + 0.9 * x[i][2] + 0.05 * x[i][3];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        return y;
    }

    /** d/d beta of sum w (log(1+e^z) - y z) + l2/2 |beta|^2, computed directly. */
    private static double[] gradient(LinearModel model, double[][] x, boolean[] y, double[] w, double l2) {
        double[] beta = model.coefficients();
        double[] gradient = new double[beta.length + 1];
        for (int i = 0; i < x.length; i++) {
            double z = model.intercept();
            for (int j = 0; j < beta.length; j++) {
                z += beta[j] * x[i][j];
            }
            double residual = (w == null ? 1 : w[i]) * (1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0));
            for (int j = 0; j < beta.length; j++) {
                gradient[j] += residual * x[i][j];
            }
            gradient[beta.length] += residual;
        }
        for (int j = 0; j < beta.length; j++) {
            gradient[j] += l2 * beta[j];
        }
        return gradient;
    }

    @Test
    void theGradientOfThePenalizedLossVanishesAtTheFit() {
        Random random = new Random(11);
        double[][] x = rows(20_000, random);
        boolean[] y = outcomes(x, random);
        for (double l2 : new double[]{0.0, 1.0, 500.0}) {
            LinearModel model = LogisticFitter.fit(NAMES, x, y, null, l2, 2);
            for (double g : gradient(model, x, y, null, l2)) {
                // Relative to the loss's scale (20,000 rows): a converged fit leaves next to nothing.
                assertEquals(0.0, g / x.length, 1e-5, "l2 " + l2);
            }
        }
        // With no penalty and this many rows, the fit recovers the generating coefficients.
        LinearModel unpenalized = LogisticFitter.fit(NAMES, x, y, null, 0.0, 2);
        assertEquals(1.5, unpenalized.coefficients()[0], 0.1);
        assertEquals(-0.7, unpenalized.coefficients()[1], 0.1);
        assertEquals(-1.0, unpenalized.intercept(), 0.1);
    }

    @Test
    void aWeightCountsAsRepeatedRows() {
        Random random = new Random(12);
        double[][] x = rows(3000, random);
        boolean[] y = outcomes(x, random);
        double[] weights = new double[x.length];
        double[][] repeated = new double[2 * x.length][];
        boolean[] repeatedOutcomes = new boolean[2 * x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            weights[i] = i % 4 == 0 ? 3.0 : 1.0;
            for (int copy = 0; copy < weights[i]; copy++) {
                repeated[n] = x[i];
                repeatedOutcomes[n++] = y[i];
            }
        }
        LinearModel weighted = LogisticFitter.fit(NAMES, x, y, weights, 1.0, 2);
        LinearModel copies = LogisticFitter.fit(NAMES, java.util.Arrays.copyOf(repeated, n), java.util.Arrays.copyOf(repeatedOutcomes, n), null, 1.0, 2);
        for (int j = 0; j < NAMES.size(); j++) {
            assertEquals(copies.coefficients()[j], weighted.coefficients()[j], 1e-4);
        }
        assertEquals(copies.intercept(), weighted.intercept(), 1e-4);
        for (double g : gradient(weighted, x, y, weights, 1.0)) {
            assertEquals(0.0, g / x.length, 1e-5);
        }
    }
}
