// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum likelihood over strictly positive parameters: Smile's L-BFGS on v, where each parameter is
 * e^(B tanh(v / B)), B = 25, then a few Newton steps on the same v, then the observed information for standard errors
 * and the Newton decrement as the test of convergence. Near the middle v is the parameter's logarithm; far out the
 * parameter can only approach e^±25, smoothly, so a fit running to a boundary of its model (BG/NBD towards no
 * dropout) meets a finite, differentiable objective everywhere and stops, where a wall of "infinitely bad" values
 * sent Smile's line search into an endless loop. (Smile's bounded L-BFGS-B needs native BLAS, which the project
 * leaves out.) The maximum is the same whatever the parametrization. The objective is the mean log-likelihood per
 * customer, so tolerances mean the same for a hundred customers as for a million.
 */
final class MaximumLikelihood {
    /** The summed log-likelihood at {@code theta}, with d LL / d theta written into {@code gradient}. */
    interface Objective {
        double logLikelihood(double[] theta, double[] gradient);
    }

    private static final int LBFGS_MEMORY = 10;
    private static final double LBFGS_GRADIENT_TOLERANCE = 1e-9;
    private static final int LBFGS_MAX_ITERATIONS = 500;
    private static final int NEWTON_STEPS = 20;
    /** A fit whose Newton step would still raise the mean log-likelihood by more than this has not converged. */
    private static final double CONVERGED_DECREMENT = 1e-9;
    /** Relative step of the central differences of the analytic gradient that give the Hessian. */
    private static final double HESSIAN_STEP = 1e-5;
    /** B: parameters stay within e^-B .. e^B. */
    private static final double LOG_BOUND = 25;

    private MaximumLikelihood() {
    }

    static ParameterFit maximize(List<String> names, Objective objective, double[] start, double totalWeight, int distinctRows) {
        int k = start.length;
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            double log = Math.max(-0.99 * LOG_BOUND, Math.min(0.99 * LOG_BOUND, Math.log(start[i])));
            u[i] = LOG_BOUND * atanh(log / LOG_BOUND);
        }
        LogScale scaled = new LogScale(objective, totalWeight);
        try {
            BFGS.minimize(scaled, LBFGS_MEMORY, u, LBFGS_GRADIENT_TOLERANCE, LBFGS_MAX_ITERATIONS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Smile gives up when its line search cannot progress; the Newton steps below start from where it stopped.
        }
        double decrement = Double.NaN;
        for (int step = 0; step <= NEWTON_STEPS; step++) {
            double[] gradient = new double[k];
            double value = scaled.g(u, gradient);
            double[] steps = new double[k];
            Arrays.fill(steps, HESSIAN_STEP);
            double[] direction = Cholesky.solve(derivatives(scaled::g, u, steps), negate(gradient));
            if (direction == null || !Double.isFinite(value)) {
                decrement = Double.NaN;
                break;
            }
            decrement = -dot(gradient, direction) / 2;
            if (decrement < CONVERGED_DECREMENT || step == NEWTON_STEPS) {
                break;
            }
            u = lineSearch(scaled, u, value, gradient, direction);
        }
        double[] theta = parameters(u);
        double logLikelihood = objective.logLikelihood(theta, new double[k]);
        double[] standardErrors = standardErrors(objective, theta);
        boolean converged = decrement >= 0 && decrement < CONVERGED_DECREMENT && standardErrors != null;
        List<ParameterEstimate> estimates = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            estimates.add(new ParameterEstimate(names.get(i), theta[i], standardErrors == null ? Double.NaN : standardErrors[i]));
        }
        return new ParameterFit(estimates, logLikelihood, converged, decrement, Math.round(totalWeight), distinctRows);
    }

    /** Backtracking from the full Newton step until the objective falls. */
    private static double[] lineSearch(LogScale scaled, double[] u, double value, double[] gradient, double[] direction) {
        double slope = dot(gradient, direction);
        for (double step = 1; step > 1e-10; step /= 2) {
            double[] next = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                next[i] = u[i] + step * direction[i];
            }
            double nextValue = scaled.f(next);
            if (nextValue <= value + 1e-4 * step * slope) {
                return next;
            }
        }
        return u;
    }

    /** Square roots of the diagonal of (-H)^-1 in the natural parameters; null when -H is not positive definite. */
    private static double[] standardErrors(Objective objective, double[] theta) {
        int k = theta.length;
        double[] steps = new double[k];
        for (int j = 0; j < k; j++) {
            steps[j] = HESSIAN_STEP * theta[j];
        }
        double[][] information = derivatives(objective::logLikelihood, theta, steps);
        for (double[] row : information) {
            for (int j = 0; j < k; j++) {
                row[j] = -row[j];
            }
        }
        double[] errors = new double[k];
        for (int i = 0; i < k; i++) {
            double[] unit = new double[k];
            unit[i] = 1;
            double[] column = Cholesky.solve(information, unit);
            if (column == null) {
                return null;
            }
            errors[i] = Math.sqrt(column[i]);
        }
        return errors;
    }

    /**
     * The Hessian of a function (a log-likelihood, or the objective being minimized) as central differences of its
     * analytic gradient, steps[j] along coordinate j, made symmetric.
     */
    private static double[][] derivatives(Objective function, double[] at, double[] steps) {
        int k = at.length;
        double[][] hessian = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] up = at.clone();
            double[] down = at.clone();
            up[j] += steps[j];
            down[j] -= steps[j];
            double[] gradientUp = new double[k];
            double[] gradientDown = new double[k];
            function.logLikelihood(up, gradientUp);
            function.logLikelihood(down, gradientDown);
            for (int i = 0; i < k; i++) {
                hessian[i][j] = (gradientUp[i] - gradientDown[i]) / (2 * steps[j]);
            }
        }
        symmetrize(hessian);
        return hessian;
    }

    private static void symmetrize(double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (matrix[i][j] + matrix[j][i]) / 2;
                matrix[i][j] = mean;
                matrix[j][i] = mean;
            }
        }
    }

    /** The parameters at v: e^(B tanh(v / B)). */
    private static double[] parameters(double[] v) {
        double[] theta = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            theta[i] = Math.exp(LOG_BOUND * Math.tanh(v[i] / LOG_BOUND));
        }
        return theta;
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static double[] negate(double[] v) {
        double[] negated = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            negated[i] = -v[i];
        }
        return negated;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /**
     * The negative mean log-likelihood as a function of v, for minimizing. Where the likelihood is not finite (it is
     * finite everywhere for the models here) it reads as an infinitely bad fit.
     */
    private record LogScale(Objective objective, double totalWeight) implements DifferentiableMultivariateFunction {
        @Override
        public double f(double[] u) {
            return g(u, new double[u.length]);
        }

        @Override
        public double g(double[] u, double[] gradient) {
            double[] theta = parameters(u);
            double[] natural = new double[u.length];
            double logLikelihood = objective.logLikelihood(theta, natural);
            if (!Double.isFinite(logLikelihood)) {
                Arrays.fill(gradient, 0);
                return Double.MAX_VALUE;
            }
            for (int i = 0; i < u.length; i++) {
                double tanh = Math.tanh(u[i] / LOG_BOUND);
                gradient[i] = -natural[i] * theta[i] * (1 - tanh * tanh) / totalWeight;
            }
            return -logLikelihood / totalWeight;
        }
    }
}
