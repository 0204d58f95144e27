// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A streaming Poisson bootstrap of means (Hanley &amp; MacGibbon 2006; Chamandy et al. 2012, "Estimating uncertainty
 * for massive data streams", Google): instead of resampling n rows with replacement, each row enters each replicate
 * with a Poisson(1) weight, which for large n has the same distribution and needs no second pass or stored rows. Per
 * cell (an arm in a group) and replicate it keeps the summed weights and weighted values, so memory is cells x
 * replicates x 2 doubles whatever the row count.
 * <p>
 * Deterministic: a row's weight in replicate b is a pure function of (seed, row ordinal, b), a SplitMix64 hash, and
 * each replicate's sums are added in row order; threads split the replicates, never the rows, so the same file and
 * seed give the same bits at any thread count.
 */
public final class PoissonBootstrap implements AutoCloseable {
    public static final int DEFAULT_REPLICATES = 400;
    private static final int BATCH_ROWS = 8192;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double[] POISSON_ONE_CDF = poissonOneCdf(20);

    private final long seed;
    private final int replicates;
    private final int threads;
    private final ExecutorService workers;
    private final List<double[]> weightSums = new ArrayList<>();
    private final List<double[]> valueSums = new ArrayList<>();
    private final long[] rows = new long[BATCH_ROWS];
    private final double[] values = new double[BATCH_ROWS];
    private final int[] cells = new int[BATCH_ROWS];
    private final int[] otherCells = new int[BATCH_ROWS];
    private int size;

    public PoissonBootstrap(long seed, int replicates, int threads) {
        if (replicates < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 replicates, not " + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.seed = seed;
        this.replicates = replicates;
        this.threads = Math.min(threads, replicates);
        this.workers = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "campaign-bootstrap");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    public int replicates() {
        return replicates;
    }

    /** A new cell to add rows to; its index. */
    public int newCell() {
        weightSums.add(new double[replicates]);
        valueSums.add(new double[replicates]);
        return weightSums.size() - 1;
    }

    /**
     * Adds a row's value to a cell and, unless {@code otherCell} is -1, to a second one (its group's).
     *
     * @param row the row's ordinal in the file: what makes its weights, so it must be the same on every run
     */
    public void add(long row, double value, int cell, int otherCell) {
        rows[size] = row;
        values[size] = value;
        cells[size] = cell;
        otherCells[size] = otherCell;
        if (++size == BATCH_ROWS) {
            flush();
        }
    }

    /** Each replicate's mean of the cell (NaN where a replicate gave it no weight); call after the last row. */
    public double[] means(int cell) {
        flush();
        double[] weights = weightSums.get(cell);
        double[] sums = valueSums.get(cell);
        double[] means = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            means[b] = weights[b] > 0 ? sums[b] / weights[b] : Double.NaN;
        }
        return means;
    }

    /**
     * The percentile interval of replicate statistics (R's default quantile, type 7, at 2.5 % and 97.5 %); NaN
     * replicates are left out, and with fewer than 90 % of them defined there is no interval.
     */
    public static Interval percentileInterval(double[] statistics) {
        double[] defined = Arrays.stream(statistics).filter(s -> !Double.isNaN(s)).sorted().toArray();
        if (defined.length < 2 || defined.length < 0.9 * statistics.length) {
            return null;
        }
        return new Interval(quantile(defined, 0.025), quantile(defined, 0.975));
    }

    private static double quantile(double[] sorted, double probability) {
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private void flush() {
        if (size == 0) {
            return;
        }
        if (workers == null) {
            addBatch(0, replicates);
        } else {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) replicates * t / threads);
                int to = (int) ((long) replicates * (t + 1) / threads);
                tasks.add(() -> {
                    addBatch(from, to);
                    return null;
                });
            }
            try {
                for (Future<Void> done : workers.invokeAll(tasks)) {
                    done.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the bootstrap", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a bootstrap task failed", e.getCause());
            }
        }
        size = 0;
    }

    /** Adds the batch to replicates [from, to); tasks own disjoint replicate ranges, so they never share a sum. */
    private void addBatch(int from, int to) {
        for (int i = 0; i < size; i++) {
            long rowKey = mix(seed ^ mix(rows[i] + GOLDEN_GAMMA));
            double value = values[i];
            double[] weights = weightSums.get(cells[i]);
            double[] sums = valueSums.get(cells[i]);
            double[] otherWeights = otherCells[i] >= 0 ? weightSums.get(otherCells[i]) : null;
            double[] otherSums = otherCells[i] >= 0 ? valueSums.get(otherCells[i]) : null;
            for (int b = from; b < to; b++) {
                int weight = poissonOne(mix(rowKey + (b + 1L) * GOLDEN_GAMMA));
                if (weight == 0) {
                    continue;
                }
                weights[b] += weight;
                sums[b] += weight * value;
                if (otherWeights != null) {
                    otherWeights[b] += weight;
                    otherSums[b] += weight * value;
                }
            }
        }
    }

    /** A Poisson(1) draw by inverting its CDF at the top 53 bits of a hash. */
    static int poissonOne(long bits) {
        double uniform = (bits >>> 11) * 0x1.0p-53;
        int k = 0;
        while (k < POISSON_ONE_CDF.length - 1 && uniform >= POISSON_ONE_CDF[k]) {
            k++;
        }
        return k;
    }

    /** SplitMix64's finalizer (Steele, Lea &amp; Flood 2014): a bijection whose outputs look independent. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[] poissonOneCdf(int maxK) {
        double[] cdf = new double[maxK + 1];
        double term = Math.exp(-1);
        double total = 0;
        for (int k = 0; k <= maxK; k++) {
            total += term;
            cdf[k] = total;
            term /= k + 1;
        }
        return cdf;
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
