// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training.calibration;

import io.github.propensity.model.IsotonicCalibrator;
import io.github.propensity.model.PlattCalibrator;
import io.github.propensity.model.Calibrator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits Platt and isotonic calibrators and chooses between them by cross-validated log loss, on the caller's folds
 * (the trainer's stratified, customer-grouped ones).
 * Platt follows Lin, Lin and Weng (2007), "A note on Platt's probabilistic outputs for support vector machines":
 * smoothed targets {@code (N+ + 1)/(N+ + 2)} and {@code 1/(N- + 2)}, Newton's method with backtracking.
 */
public final class CalibrationFitter {
    /** Isotonic regression has as many parameters as blocks; below these sizes it overfits (Niculescu-Mizil & Caruana 2005). */
    static final int ISOTONIC_MIN_ROWS = 1000;
    static final int ISOTONIC_MIN_PER_CLASS = 50;
    private static final double CLIP = 1e-15;

    private CalibrationFitter() {
    }

    /**
     * @param folds {training rows, held-out rows} per fold: the stratified, customer-grouped folds the out-of-fold
     *              probabilities came from, so a customer's rows never sit on both sides of a comparison
     */
    public static CalibrationChoice choose(double[] probabilities, boolean[] outcomes, List<int[][]> folds) {
        validate(probabilities, outcomes);
        validateFolds(folds, probabilities.length);
        int positives = count(outcomes);
        int negatives = outcomes.length - positives;
        double plattLoss = crossValidatedLogLoss(probabilities, outcomes, folds, false);
        if (outcomes.length < ISOTONIC_MIN_ROWS || Math.min(positives, negatives) < ISOTONIC_MIN_PER_CLASS) {
            return new CalibrationChoice(fitPlatt(probabilities, outcomes), plattLoss, Double.NaN, String.format(Locale.ROOT,
                    "platt: %d rows (%d of the rarer outcome) are too few for isotonic regression (needs %d and %d); CV log loss %.4f",
                    outcomes.length, Math.min(positives, negatives), ISOTONIC_MIN_ROWS, ISOTONIC_MIN_PER_CLASS, plattLoss));
        }
        double isotonicLoss = crossValidatedLogLoss(probabilities, outcomes, folds, true);
        boolean isotonic = isotonicLoss < plattLoss;
        Calibrator calibrator = isotonic ? fitIsotonic(probabilities, outcomes) : fitPlatt(probabilities, outcomes);
        String reason = String.format(Locale.ROOT, "%s: %d-fold CV log loss %.4f vs %s %.4f", calibrator.method(), folds.size(),
                isotonic ? isotonicLoss : plattLoss, isotonic ? "platt" : "isotonic", isotonic ? plattLoss : isotonicLoss);
        return new CalibrationChoice(calibrator, plattLoss, isotonicLoss, reason);
    }

    public static PlattCalibrator fitPlatt(double[] probabilities, boolean[] outcomes) {
        validate(probabilities, outcomes);
        int n = probabilities.length;
        int positives = count(outcomes);
        double[] f = new double[n];
        double[] t = new double[n];
        double highTarget = (positives + 1.0) / (positives + 2.0);
        double lowTarget = 1.0 / (n - positives + 2.0);
        for (int i = 0; i < n; i++) {
            f[i] = PlattCalibrator.logit(probabilities[i]);
            t[i] = outcomes[i] ? highTarget : lowTarget;
        }
        // Lin, Lin & Weng parametrize P = 1 / (1 + exp(A f + B)); we return a = -A, b = -B.
        double a = 0;
        double b = Math.log((n - positives + 1.0) / (positives + 1.0));
        double sigma = 1e-12;
        double objective = plattObjective(f, t, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = f[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            boolean improved = false;
            while (step >= 1e-10) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newObjective = plattObjective(f, t, newA, newB);
                if (newObjective < objective + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    objective = newObjective;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return new PlattCalibrator(-a, -b);
    }

    private static double plattObjective(double[] f, double[] t, double a, double b) {
        double objective = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            objective += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return objective;
    }

    /** Pool-adjacent-violators on (probability, outcome), equal probabilities merged into one weighted point first. */
    public static IsotonicCalibrator fitIsotonic(double[] probabilities, boolean[] outcomes) {
        validate(probabilities, outcomes);
        int n = probabilities.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(probabilities[x], probabilities[y]));
        // Blocks as parallel arrays: sum of x, sum of y, weight; merged in place like a stack.
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        double[] weight = new double[n];
        int blocks = 0;
        int i = 0;
        while (i < n) {
            double x = probabilities[order[i]];
            double ys = 0;
            int w = 0;
            while (i < n && probabilities[order[i]] == x) {
                ys += outcomes[order[i]] ? 1 : 0;
                w++;
                i++;
            }
            sumX[blocks] = x * w;
            sumY[blocks] = ys;
            weight[blocks] = w;
            blocks++;
            while (blocks > 1 && sumY[blocks - 2] / weight[blocks - 2] >= sumY[blocks - 1] / weight[blocks - 1]) {
                sumX[blocks - 2] += sumX[blocks - 1];
                sumY[blocks - 2] += sumY[blocks - 1];
                weight[blocks - 2] += weight[blocks - 1];
                blocks--;
            }
        }
        double[] thresholds = new double[blocks];
        double[] values = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            thresholds[b] = sumX[b] / weight[b];
            values[b] = sumY[b] / weight[b];
        }
        return new IsotonicCalibrator(thresholds, values);
    }

    private static double crossValidatedLogLoss(double[] probabilities, boolean[] outcomes, List<int[][]> folds, boolean isotonic) {
        double loss = 0;
        for (int[][] fold : folds) {
            int[] train = fold[0];
            double[] p = new double[train.length];
            boolean[] y = new boolean[train.length];
            for (int k = 0; k < train.length; k++) {
                p[k] = probabilities[train[k]];
                y[k] = outcomes[train[k]];
            }
            if (count(y) == 0 || count(y) == y.length) {
                continue;
            }
            Calibrator calibrator = isotonic ? fitIsotonic(p, y) : fitPlatt(p, y);
            for (int index : fold[1]) {
                double q = Math.min(1 - CLIP, Math.max(CLIP, calibrator.calibrate(probabilities[index])));
                loss -= outcomes[index] ? Math.log(q) : Math.log(1 - q);
            }
        }
        return loss / probabilities.length;
    }

    /** Every row held out exactly once, and never trained on in the fold that holds it out. */
    private static void validateFolds(List<int[][]> folds, int rows) {
        if (folds.size() < 2) {
            throw new IllegalArgumentException("calibration needs at least two folds, got " + folds.size());
        }
        int[] heldOutIn = new int[rows];
        Arrays.fill(heldOutIn, -1);
        for (int f = 0; f < folds.size(); f++) {
            int[][] fold = folds.get(f);
            if (fold.length != 2) {
                throw new IllegalArgumentException("fold " + f + " is not a {training rows, held-out rows} pair");
            }
            for (int row : fold[1]) {
                if (row < 0 || row >= rows || heldOutIn[row] >= 0) {
                    throw new IllegalArgumentException("fold " + f + " holds out row " + row + ", which is out of range or held out twice");
                }
                heldOutIn[row] = f;
            }
        }
        for (int f = 0; f < folds.size(); f++) {
            for (int row : folds.get(f)[0]) {
                if (row < 0 || row >= rows || heldOutIn[row] == f) {
                    throw new IllegalArgumentException("fold " + f + " trains on row " + row + ", which is out of range or held out by it");
                }
            }
        }
        for (int row = 0; row < rows; row++) {
            if (heldOutIn[row] < 0) {
                throw new IllegalArgumentException("row " + row + " is held out by no fold");
            }
        }
    }

    private static void validate(double[] probabilities, boolean[] outcomes) {
        if (probabilities.length != outcomes.length || probabilities.length == 0) {
            throw new IllegalArgumentException("calibration needs one outcome per probability and at least one row");
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " is not within [0, 1]");
            }
        }
        int positives = count(outcomes);
        if (positives == 0 || positives == outcomes.length) {
            throw new IllegalArgumentException("calibration needs both outcomes");
        }
    }

    private static int count(boolean[] outcomes) {
        int count = 0;
        for (boolean outcome : outcomes) {
            count += outcome ? 1 : 0;
        }
        return count;
    }
}
