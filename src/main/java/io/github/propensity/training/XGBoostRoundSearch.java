// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.model.TribuoClassifier;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import java.util.Arrays;

/**
 * Early stopping for XGBoost, which Tribuo does not offer (it passes no evaluation set): train with a number of
 * rounds, then score the validation rows with the first {@code n} rounds for every {@code n} on a grid and keep the
 * {@code n} with the lowest validation log loss. A first pass trains {@value #FIRST_PASS_ROUNDS} rounds; only when
 * the best lies near its end is the model retrained with the maximum, which saves most of the time on the usual
 * data sets whose optimum at eta 0.05 is 60 to 250 rounds. Choosing by log loss rather than AUC matters: AUC
 * flattens early and picks too few rounds, which leaves probabilities under-confident.
 */
final class XGBoostRoundSearch {
    static final int ROUND_STEP = 10;

    private XGBoostRoundSearch() {
    }

    static final int FIRST_PASS_ROUNDS = 300;

    static CandidateResult search(XGBoostSpec maximal, EncodedData fit, EncodedData validation, String[] featureNames, long seed) {
        if (maximal.rounds() <= FIRST_PASS_ROUNDS) {
            return searchUpTo(maximal, fit, validation, featureNames, seed);
        }
        CandidateResult firstPass = searchUpTo(maximal.withRounds(FIRST_PASS_ROUNDS), fit, validation, featureNames, seed);
        XGBoostSpec best = (XGBoostSpec) firstPass.spec();
        if (best.rounds() < 0.8 * FIRST_PASS_ROUNDS) {
            return firstPass;
        }
        CandidateResult full = searchUpTo(maximal, fit, validation, featureNames, seed);
        return new CandidateResult(full.spec(), full.validationLogLoss(), full.validationAuc(), full.validationBrier(),
                firstPass.fitSeconds() + full.fitSeconds());
    }

    private static CandidateResult searchUpTo(XGBoostSpec maximal, EncodedData fit, EncodedData validation, String[] featureNames, long seed) {
        long start = System.nanoTime();
        Model<Label> model = maximal.trainer(seed).train(TribuoClassifier.dataset(featureNames, fit.features(), fit.outcomes(), "fit split"));
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        if (!(model instanceof XGBoostModel<Label> xgboost)) {
            throw new IllegalStateException("the XGBoost trainer returned " + model.getClass().getName());
        }
        Booster booster = xgboost.getInnerModels().get(0);
        int positiveColumn = model.getOutputIDInfo().getID(TribuoClassifier.POSITIVE);
        DMatrix matrix = null;
        try {
            matrix = denseMatrix(validation.features(), featureNames, model.getFeatureIDMap());
            int bestRounds = ROUND_STEP;
            EvaluationReport best = null;
            for (int rounds = ROUND_STEP; rounds <= maximal.rounds(); rounds += ROUND_STEP) {
                float[][] scores = booster.predict(matrix, false, rounds);
                double[] probabilities = new double[scores.length];
                for (int i = 0; i < scores.length; i++) {
                    probabilities[i] = Math.min(1.0, Math.max(0.0, scores[i][positiveColumn]));
                }
                EvaluationReport report = BinaryEvaluator.evaluate(probabilities, validation.outcomes());
                if (best == null || report.logLoss() < best.logLoss()) {
                    best = report;
                    bestRounds = rounds;
                }
            }
            return new CandidateResult(maximal.withRounds(bestRounds), best.logLoss(), best.auc(), best.brier(), fitSeconds);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed while scoring the validation split: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
            booster.dispose();
        }
    }

    /** Rows laid out in the model's feature-id order, the order its trees index features by. */
    private static DMatrix denseMatrix(double[][] rows, String[] featureNames, ImmutableFeatureMap featureMap) throws XGBoostError {
        int columns = featureMap.size();
        int[] columnOf = new int[featureNames.length];
        for (int j = 0; j < featureNames.length; j++) {
            columnOf[j] = featureMap.getID(featureNames[j]);
        }
        // One flat array of rows x columns: a product past 2^31 cannot be laid out and must fail, not wrap.
        float[] data = new float[Math.multiplyExact(rows.length, columns)];
        Arrays.fill(data, Float.NaN);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < featureNames.length; j++) {
                if (columnOf[j] >= 0) {
                    data[i * columns + columnOf[j]] = (float) rows[i][j];
                }
            }
        }
        return new DMatrix(data, rows.length, columns, Float.NaN);
    }
}
