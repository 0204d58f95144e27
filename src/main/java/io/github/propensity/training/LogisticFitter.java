// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.LinearModel;
import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * L2-regularized logistic regression on dense encoded rows, fitted to convergence by Smile's L-BFGS. The
 * objective is scikit-learn's: {@code sum_i w_i logloss_i + l2 / 2 * |beta|^2} with the intercept not penalized
 * ({@code l2 = 1/C}). One pass over the rows per evaluation, no per-row objects.
 */
public final class LogisticFitter {
    /** L-BFGS memory and limits: the problems are small and smooth, so these converge in tens of iterations. */
    private static final int MEMORY = 10;
    private static final double GRADIENT_TOLERANCE = 1e-5;
    private static final int MAX_ITERATIONS = 500;
    /** Blocks of rows per evaluation (a fixed count, so sums do not depend on the thread count) and their least size. */
    private static final int BLOCKS = 16;
    private static final int MIN_BLOCK_ROWS = 2048;

    private LogisticFitter() {
    }

    /**
     * @param weights one per row, or null for equal weights
     * @param threads how many threads evaluate the loss
     */
    public static LinearModel fit(List<String> featureNames, double[][] rows, boolean[] outcomes, double[] weights, double l2, int threads) {
        if (rows.length != outcomes.length || (weights != null && weights.length != rows.length)) {
            throw new IllegalArgumentException("one outcome and weight per row is required");
        }
        int width = featureNames.size();
        double[] beta = new double[width + 1];
        // Start at the prevalence: the intercept-only optimum.
        double share = EncodedData.positiveShare(outcomes, weights);
        beta[width] = Math.log(share / (1 - share));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            BFGS.minimize(new Objective(SparseRows.of(rows, width), outcomes, weights, l2, width, pool), MEMORY, beta,
                    GRADIENT_TOLERANCE, MAX_ITERATIONS);
        } finally {
            pool.shutdown();
        }
        double[] coefficients = new double[width];
        System.arraycopy(beta, 0, coefficients, 0, width);
        return new LinearModel(featureNames, coefficients, beta[width]);
    }

    /**
     * The penalized negative log-likelihood and its gradient; {@code beta[width]} is the intercept. Rows are cut
     * into a fixed number of blocks evaluated on {@code pool} and summed in block order, so the result is the same
     * whatever the number of threads.
     */
    private record Objective(SparseRows rows, boolean[] outcomes, double[] weights, double l2, int width, ForkJoinPool pool)
            implements DifferentiableMultivariateFunction {
        @Override
        public double f(double[] beta) {
            return g(beta, new double[beta.length]);
        }

        @Override
        public double g(double[] beta, double[] gradient) {
            int n = outcomes.length;
            int blocks = Math.max(1, Math.min(BLOCKS, n / MIN_BLOCK_ROWS));
            double[][] partial = new double[blocks][];
            try {
                pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(b ->
                        partial[b] = block(beta, (int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks)))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fitting logistic regression", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("logistic regression failed: " + e.getCause(), e.getCause());
            }
            Arrays.fill(gradient, 0.0);
            double loss = 0;
            for (double[] block : partial) {
                for (int j = 0; j <= width; j++) {
                    gradient[j] += block[j];
                }
                loss += block[width + 1];
            }
            for (int j = 0; j < width; j++) {
                loss += 0.5 * l2 * beta[j] * beta[j];
                gradient[j] += l2 * beta[j];
            }
            return loss;
        }

        /** Gradient (width + 1 entries) and loss (the last entry) of rows {@code from} to {@code to}. */
        private double[] block(double[] beta, int from, int to) {
            double[] result = new double[width + 2];
            double loss = 0;
            int[] column = rows.column();
            double[] value = rows.value();
            for (int i = from; i < to; i++) {
                int first = rows.start()[i];
                int end = rows.start()[i + 1];
                double z = beta[width];
                for (int k = first; k < end; k++) {
                    z += beta[column[k]] * value[k];
                }
                double w = weights == null ? 1 : weights[i];
                // log(1 + e^z) - y z and sigmoid(z) from one exponential of -|z|, without overflow.
                double e = Math.exp(-Math.abs(z));
                loss += w * (Math.max(z, 0) + Math.log1p(e) - (outcomes[i] ? z : 0));
                double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
                double residual = w * (p - (outcomes[i] ? 1 : 0));
                for (int k = first; k < end; k++) {
                    result[column[k]] += residual * value[k];
                }
                result[width] += residual;
            }
            result[width + 1] = loss;
            return result;
        }
    }

    /**
     * The rows' non-zero entries, row after row: one-hot columns are mostly zero, so the loss's passes touch a
     * fraction of the cells (the same sums, in the same order, as over the dense rows).
     */
    private record SparseRows(int[] start, int[] column, double[] value) {
        static SparseRows of(double[][] rows, int width) {
            int[] start = new int[rows.length + 1];
            long nonZero = 0;
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < width; j++) {
                    if (rows[i][j] != 0) {
                        nonZero++;
                    }
                }
            }
            int size = Math.toIntExact(nonZero);
            int[] column = new int[size];
            double[] value = new double[size];
            int at = 0;
            for (int i = 0; i < rows.length; i++) {
                start[i] = at;
                for (int j = 0; j < width; j++) {
                    if (rows[i][j] != 0) {
                        column[at] = j;
                        value[at++] = rows[i][j];
                    }
                }
            }
            start[rows.length] = at;
            return new SparseRows(start, column, value);
        }
    }
}
