// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures predicted probabilities against binary outcomes. Definitions follow scikit-learn, so numbers can be
 * compared with what data scientists compute in notebooks:
 * <ul>
 *   <li>ROC AUC: Mann-Whitney U with tied scores counted as one half (average ranks); NaN with one class only.</li>
 *   <li>PR AUC: average precision, {@code sum (R_n - R_{n-1}) P_n} over distinct thresholds, ties at one threshold.</li>
 *   <li>log loss: mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15].</li>
 *   <li>Brier: mean squared difference of probability and outcome.</li>
 *   <li>ECE: ten equal-width bins on [0, 1] (the last includes 1), sum of (bin share) x |mean probability - rate|.</li>
 *   <li>deciles: rows sorted by probability descending (ties keep input order), cut into ten groups whose sizes
 *       differ by at most one.</li>
 * </ul>
 */
public final class BinaryEvaluator {
    static final int BINS = 10;
    private static final double CLIP = 1e-15;

    private BinaryEvaluator() {
    }

    public static EvaluationReport evaluate(double[] probabilities, boolean[] outcomes) {
        validate(probabilities, outcomes);
        int n = probabilities.length;
        int positives = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            double y = outcomes[i] ? 1 : 0;
            positives += outcomes[i] ? 1 : 0;
            double clipped = Math.min(1 - CLIP, Math.max(CLIP, p));
            logLoss -= outcomes[i] ? Math.log(clipped) : Math.log(1 - clipped);
            brier += (p - y) * (p - y);
        }
        double baseRate = (double) positives / n;
        int[] descending = DescendingOrder.of(probabilities);
        List<DecileRow> deciles = deciles(probabilities, outcomes, descending, positives, baseRate);
        List<CalibrationBin> calibration = calibration(probabilities, outcomes);
        double ece = 0;
        for (CalibrationBin bin : calibration) {
            if (bin.rows() > 0) {
                ece += (double) bin.rows() / n * Math.abs(bin.meanPredicted() - bin.observedRate());
            }
        }
        double liftTop = positives == 0 ? Double.NaN : deciles.get(0).lift();
        return new EvaluationReport(n, positives, baseRate, auc(probabilities, outcomes, descending, positives),
                averagePrecision(probabilities, outcomes, descending, positives), logLoss / n, brier / n, ece, liftTop,
                deciles, calibration);
    }

    /**
     * Area under the ROC curve of any score, not only a probability (ties count half): how well the score alone
     * ranks positives above negatives. NaN when one outcome is absent.
     */
    public static double auc(double[] scores, boolean[] outcomes) {
        if (scores.length != outcomes.length) {
            throw new IllegalArgumentException("scores (" + scores.length + ") and outcomes (" + outcomes.length + ") differ in length");
        }
        int positives = 0;
        for (boolean outcome : outcomes) {
            positives += outcome ? 1 : 0;
        }
        return auc(scores, outcomes, DescendingOrder.of(scores), positives);
    }

    private static void validate(double[] probabilities, boolean[] outcomes) {
        if (probabilities.length != outcomes.length) {
            throw new IllegalArgumentException("probabilities (" + probabilities.length + ") and outcomes ("
                    + outcomes.length + ") differ in length");
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: no rows");
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " is not within [0, 1]");
            }
        }
    }

    /**
     * Mann-Whitney U counted over runs of tied scores, walking from the highest: each positive beats every negative
     * below its run and ties half of those in it. Counted as 2U in {@code long}, exact at any size (a positive-count
     * product in {@code int} overflows past 46,340 positives; a double rank sum loses exactness near 10^8 rows).
     */
    private static double auc(double[] scores, boolean[] outcomes, int[] descending, int positives) {
        int n = scores.length;
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        long twiceU = 0;
        long negativesAbove = 0;
        int i = 0;
        while (i < n) {
            long runPositives = 0;
            long runNegatives = 0;
            int j = i;
            // do-while: a NaN score equals nothing, not even itself, and still forms a run of one.
            do {
                if (outcomes[descending[j]]) {
                    runPositives++;
                } else {
                    runNegatives++;
                }
                j++;
            } while (j < n && scores[descending[j]] == scores[descending[i]]);
            long negativesBelow = negatives - negativesAbove - runNegatives;
            twiceU += 2 * runPositives * negativesBelow + runPositives * runNegatives;
            negativesAbove += runNegatives;
            i = j;
        }
        return twiceU / (2.0 * positives * negatives);
    }

    private static double averagePrecision(double[] probabilities, boolean[] outcomes, int[] descending, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        int n = probabilities.length;
        double ap = 0;
        double previousRecall = 0;
        int truePositives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && probabilities[descending[j]] == probabilities[descending[i]]) {
                if (outcomes[descending[j]]) {
                    truePositives++;
                }
                j++;
            }
            double recall = (double) truePositives / positives;
            double precision = (double) truePositives / j;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            i = j;
        }
        return ap;
    }

    private static List<DecileRow> deciles(double[] probabilities, boolean[] outcomes, int[] descending,
                                           int positives, double baseRate) {
        int n = probabilities.length;
        List<DecileRow> rows = new ArrayList<>(BINS);
        int start = 0;
        int cumulativePositives = 0;
        for (int d = 0; d < BINS; d++) {
            // Sizes differ by at most one: the first n % 10 deciles take one extra row.
            int size = n / BINS + (d < n % BINS ? 1 : 0);
            int decilePositives = 0;
            double sum = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            for (int k = start; k < start + size; k++) {
                double p = probabilities[descending[k]];
                sum += p;
                min = k == start ? p : Math.min(min, p);
                max = k == start ? p : Math.max(max, p);
                if (outcomes[descending[k]]) {
                    decilePositives++;
                }
            }
            cumulativePositives += decilePositives;
            int cumulativeRows = start + size;
            double rate = size == 0 ? Double.NaN : (double) decilePositives / size;
            double cumulativeRate = cumulativeRows == 0 ? Double.NaN : (double) cumulativePositives / cumulativeRows;
            rows.add(new DecileRow(d + 1, size, decilePositives, min, max, size == 0 ? Double.NaN : sum / size, rate,
                    baseRate == 0 ? Double.NaN : rate / baseRate,
                    positives == 0 ? Double.NaN : (double) cumulativePositives / positives,
                    baseRate == 0 ? Double.NaN : cumulativeRate / baseRate));
            start += size;
        }
        return rows;
    }

    private static List<CalibrationBin> calibration(double[] probabilities, boolean[] outcomes) {
        int[] counts = new int[BINS];
        double[] sums = new double[BINS];
        int[] positives = new int[BINS];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = Math.min(BINS - 1, (int) (probabilities[i] * BINS));
            counts[bin]++;
            sums[bin] += probabilities[i];
            positives[bin] += outcomes[i] ? 1 : 0;
        }
        List<CalibrationBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            bins.add(new CalibrationBin(b, (double) b / BINS, (double) (b + 1) / BINS, counts[b],
                    counts[b] == 0 ? Double.NaN : sums[b] / counts[b],
                    counts[b] == 0 ? Double.NaN : (double) positives[b] / counts[b]));
        }
        return bins;
    }
}
