// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Covariate balance between each arm and the control, streamed: per column and arm a running mean and variance of
 * the numbers (Welford) and, up to {@link #MAX_LEVELS} distinct values, the count of each value. Memory is bounded by
 * columns x arms x levels, whatever the number of rows. A column is numeric when at least 95 % of its present
 * values are numbers (as {@code data.SchemaInference} decides; the rest count as missing), else categorical.
 * <p>
 * The standardized mean difference (Austin 2009, "Balance diagnostics for comparing the distribution of baseline
 * covariates between treatment groups in propensity-score matched samples", Statistics in Medicine 28:3083-3107):
 * numeric (mean_a - mean_c) / sqrt((var_a + var_c) / 2); categorical, the same for each level's share p with
 * variance p(1 - p), reporting the worst level. Above 0.1 is the usual flag.
 */
public final class CovariateBalance {
    public static final double FLAG_ABOVE = 0.1;
    /** More distinct text values than this and a column is an identifier or free text, not a category to balance. */
    static final int MAX_LEVELS = 50;
    private static final double NUMERIC_SHARE = 0.95;
    /** Levels whose differences agree to this are tied (two levels always are), and the first in order is named. */
    private static final double TIE = 1e-12;

    private final List<String> names;
    private final int[] columns;
    private final ColumnTally[] tallies;

    /** @param names the feature columns, {@code columns} their indexes in a record */
    public CovariateBalance(List<String> names, int[] columns, int maxArms) {
        this.names = List.copyOf(names);
        this.columns = columns.clone();
        this.tallies = new ColumnTally[columns.length];
        for (int c = 0; c < columns.length; c++) {
            tallies[c] = new ColumnTally(maxArms);
        }
    }

    public void observe(int arm, String[] record) {
        for (int c = 0; c < columns.length; c++) {
            tallies[c].observe(arm, record[columns[c]]);
        }
    }

    /**
     * @param armNames  report order, the control first
     * @param armSlots  the arm index each was observed under, same order
     */
    public List<BalanceRow> rows(List<String> armNames, int[] armSlots) {
        List<BalanceRow> rows = new ArrayList<>();
        int control = armSlots[0];
        for (int c = 0; c < columns.length; c++) {
            for (int a = 1; a < armSlots.length; a++) {
                rows.add(tallies[c].compare(names.get(c), armNames.get(a), armSlots[a], control));
            }
        }
        return rows;
    }

    private static final class ColumnTally {
        final long[] present;
        final long[] numbers;
        final double[] mean;
        final double[] sumSquares;
        Map<String, long[]> levels = new HashMap<>();
        final int maxArms;

        ColumnTally(int maxArms) {
            this.maxArms = maxArms;
            present = new long[maxArms];
            numbers = new long[maxArms];
            mean = new double[maxArms];
            sumSquares = new double[maxArms];
        }

        void observe(int arm, String raw) {
            if (MissingValues.isMissing(raw)) {
                return;
            }
            String value = raw.strip();
            present[arm]++;
            double number = NumericValues.parseOrNaN(value);
            if (!Double.isNaN(number)) {
                long n = ++numbers[arm];
                double delta = number - mean[arm];
                mean[arm] += delta / n;
                sumSquares[arm] += delta * (number - mean[arm]);
            }
            if (levels != null) {
                long[] counts = levels.get(value);
                if (counts == null) {
                    if (levels.size() == MAX_LEVELS) {
                        levels = null;
                        return;
                    }
                    counts = new long[maxArms];
                    levels.put(value, counts);
                }
                counts[arm]++;
            }
        }

        BalanceRow compare(String column, String armName, int arm, int control) {
            long allPresent = 0;
            long allNumbers = 0;
            for (int a = 0; a < maxArms; a++) {
                allPresent += present[a];
                allNumbers += numbers[a];
            }
            if (allPresent == 0) {
                return new BalanceRow(column, "skipped", armName, null, null, false, "no values");
            }
            if (allNumbers >= NUMERIC_SHARE * allPresent) {
                Double smd = standardized(mean[arm] - mean[control], variance(arm), variance(control));
                return new BalanceRow(column, "numeric", armName, smd, null, flagged(smd), null);
            }
            if (levels == null) {
                return new BalanceRow(column, "skipped", armName, null, null, false,
                        "more than " + MAX_LEVELS + " distinct text values: an identifier or free text? (--drop it or --id it)");
            }
            Double worst = 0.0;
            String worstLevel = null;
            // Sorted so that ties between levels resolve the same way on every run.
            for (Map.Entry<String, long[]> level : new TreeMap<>(levels).entrySet()) {
                double shareArm = present[arm] > 0 ? (double) level.getValue()[arm] / present[arm] : 0;
                double shareControl = present[control] > 0 ? (double) level.getValue()[control] / present[control] : 0;
                Double smd = standardized(shareArm - shareControl, shareArm * (1 - shareArm), shareControl * (1 - shareControl));
                if (worstLevel == null || smd == null || (worst != null && Math.abs(smd) > Math.abs(worst) + TIE)) {
                    worst = smd;
                    worstLevel = level.getKey();
                    if (smd == null) {
                        break;
                    }
                }
            }
            return new BalanceRow(column, "categorical", armName, worst, worstLevel, flagged(worst), null);
        }

        private double variance(int arm) {
            return numbers[arm] > 1 ? sumSquares[arm] / (numbers[arm] - 1) : 0;
        }

        /** Null for a difference between two constant groups: infinitely many standard deviations apart. */
        private static Double standardized(double difference, double varianceArm, double varianceControl) {
            double scale = Math.sqrt((varianceArm + varianceControl) / 2);
            if (scale == 0) {
                return difference == 0 ? 0.0 : null;
            }
            return difference / scale;
        }

        private static boolean flagged(Double smd) {
            return smd == null || Math.abs(smd) > FLAG_ABOVE;
        }
    }
}
