// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Model selection by k-fold cross-validation, for training sets small enough that one validation split would be
 * a noisy judge. Every candidate is trained on each fold's training rows; XGBoost stops early on the fold's
 * held-out rows, and the number of rounds is where the held-out log loss summed over all folds is lowest (as
 * {@code xgb.cv} chooses it), so each fold's model is cut there. The held-out probabilities at that number are the
 * out-of-fold predictions that both compare the candidates and, for the chosen one, fit the calibrator: the
 * cross-fit calibration needs is done once, not again after selection.
 */
final class CrossValidatedSelection {
    private CrossValidatedSelection() {
    }

    /**
     * @param candidates one per spec, in order, with the settings they ended with (XGBoost's cross-validated rounds)
     * @param outOfFold  per candidate, its out-of-fold uncalibrated probability of every training row
     */
    record Result(List<CandidateResult> candidates, List<double[]> outOfFold) {
    }

    static Result run(List<CandidateSpec> specs, EncodedData training, List<int[][]> folds, String[] featureNames, long seed, int threads) {
        List<CandidateResult> candidates = new ArrayList<>();
        List<double[]> outOfFold = new ArrayList<>();
        for (CandidateSpec spec : specs) {
            long start = System.nanoTime();
            double[] predicted = new double[training.rows()];
            CandidateSpec tuned = spec instanceof XGBoostSpec trees
                    ? boosted(trees, training, folds, seed, threads, predicted)
                    : linear(spec, training, folds, featureNames, seed, threads, predicted);
            EvaluationReport report = BinaryEvaluator.evaluate(predicted, training.outcomes());
            candidates.add(new CandidateResult(tuned, report.logLoss(), report.auc(), report.brier(), (System.nanoTime() - start) / 1e9));
            outOfFold.add(predicted);
        }
        return new Result(candidates, outOfFold);
    }

    private static CandidateSpec linear(CandidateSpec spec, EncodedData training, List<int[][]> folds, String[] featureNames, long seed,
                                        int threads, double[] predicted) {
        for (int[][] fold : folds) {
            FittedCandidate fitted = FittedCandidate.train(spec, training.subset(fold[0]), training.subset(fold[1]), featureNames, seed, threads);
            scatter(fitted.validationProbabilities(), fold[1], predicted);
        }
        return spec;
    }

    private static XGBoostSpec boosted(XGBoostSpec spec, EncodedData training, List<int[][]> folds, long seed, int threads, double[] predicted) {
        List<Supplier<BoosterTrainer.Fit>> work = new ArrayList<>();
        XGBoostSpec single = spec.withThreads(1);
        for (int[][] fold : folds) {
            work.add(() -> BoosterTrainer.fit(single, training.subset(fold[0]), null, training.subset(fold[1]), seed));
        }
        List<BoosterTrainer.Fit> fits = ConcurrentFits.run(work, threads);
        int comparable = Integer.MAX_VALUE;
        for (BoosterTrainer.Fit fit : fits) {
            comparable = Math.min(comparable, fit.validationLogLoss().length);
        }
        // Every fold trained at least this many rounds; each stopped well past its own best, so the optimum of the
        // sum lies within.
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int round = 0; round < comparable; round++) {
            double loss = 0;
            for (int f = 0; f < folds.size(); f++) {
                loss += (double) fits.get(f).validationLogLoss()[round] * folds.get(f)[1].length;
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = round;
            }
        }
        int rounds = best + 1;
        String[] width = new String[training.features()[0].length];
        for (int f = 0; f < folds.size(); f++) {
            int[] held = folds.get(f)[1];
            scatter(FittedCandidate.probabilities(fits.get(f).trained().firstRounds(rounds), training.subset(held).features(), width), held, predicted);
        }
        return spec.withRounds(rounds);
    }

    private static void scatter(double[] values, int[] rows, double[] into) {
        for (int i = 0; i < rows.length; i++) {
            into[rows[i]] = values[i];
        }
    }
}
