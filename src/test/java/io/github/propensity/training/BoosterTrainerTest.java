// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.model.BoostedTrees;
import io.github.propensity.model.CompiledScorer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boosted trees through XGBoost's own API, checked against XGBoost itself. */
class BoosterTrainerTest {
    private static final int WIDTH = 6;

    /** Rows with an interaction and a few exactly repeated values, so splits land on ties. */
    private static EncodedData rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][WIDTH];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < WIDTH; j++) {
                x[i][j] = j == 5 ? random.nextInt(4) : random.nextGaussian();
            }
            double logit = -1.2 + 0.9 * x[i][0] - 0.6 * x[i][1] + 0.8 * x[i][0] * x[i][2] + 0.4 * x[i][5];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new EncodedData(x, y);
    }

    private static DMatrix matrix(EncodedData data) throws XGBoostError {
        float[] flat = new float[data.rows() * WIDTH];
        float[] labels = new float[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < WIDTH; j++) {
                flat[i * WIDTH + j] = (float) data.features()[i][j];
            }
            labels[i] = data.outcomes()[i] ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(flat, data.rows(), WIDTH, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private static Map<String, Object> parameters(double baseScore) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("tree_method", "hist");
        parameters.put("eta", 0.1);
        parameters.put("max_depth", 4);
        parameters.put("base_score", baseScore);
        parameters.put("nthread", 1);
        parameters.put("seed", 3);
        parameters.put("verbosity", 0);
        return parameters;
    }

    /** Every depth the scorer walks its own way (2 and 3 compare all nodes first) and the general walk around them. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6})
    void storedTreesScoreExactlyAsXGBoostPredicts(int depth) throws XGBoostError {
        EncodedData data = rows(3000, 1);
        DMatrix matrix = matrix(data);
        double baseScore = 0.3;
        Map<String, Object> parameters = parameters(baseScore);
        parameters.put("max_depth", depth);
        Booster booster = XGBoost.train(matrix, parameters, 60, new HashMap<>(), null, null);
        float[][] predicted = booster.predict(matrix);
        BoostedTrees trees = BoostedTrees.parse(new BoostedTrees(baseScore,
                Arrays.asList(booster.getModelDump((String) null, true, "json"))).serialize());
        CompiledScorer scorer = trees.compile(new String[WIDTH]);
        for (int i = 0; i < data.rows(); i++) {
            // XGBoost adds leaf values in float; the compiled scorer in double.
            double logOdds = scorer.logOdds(data.features()[i]);
            assertEquals(predicted[i][0], CompiledScorer.sigmoid(logOdds), 2e-6, "row " + i);
            // The credits along the row's path telescope to the log-odds only if each went to a node on that path.
            double[] contributions = new double[WIDTH];
            assertEquals(logOdds, scorer.explain(data.features()[i], contributions), 0.0);
            assertEquals(logOdds, scorer.baselineLogOdds() + Arrays.stream(contributions).sum(), 1e-9, "row " + i);
        }
        booster.dispose();
        matrix.dispose();
    }

    @Test
    void earlyStoppingKeepsTheRoundsOfLowestValidationLogLoss() throws XGBoostError {
        EncodedData fit = rows(2000, 2);
        EncodedData validation = rows(1000, 3);
        XGBoostSpec spec = new XGBoostSpec(4, 400, 0.3, 1.0, 1.0, 1, 1);
        BoosterTrainer.Fit stopped = BoosterTrainer.fit(spec, fit, null, validation, 3);
        int kept = stopped.trees().rounds();
        assertTrue(kept < 400 - BoosterTrainer.EARLY_STOPPING_ROUNDS, "eta 0.3 on 2,000 rows overfits long before 400 rounds: " + kept);

        // The same trees without early stopping, scored by XGBoost with the first r trees for every r.
        Map<String, Object> parameters = parameters(stopped.trees().baseScore());
        parameters.put("eta", 0.3);
        parameters.put("subsample", 1.0);
        parameters.put("colsample_bytree", 1.0);
        parameters.put("min_child_weight", 1.0);
        DMatrix train = matrix(fit);
        DMatrix held = matrix(validation);
        int rounds = kept + BoosterTrainer.EARLY_STOPPING_ROUNDS;
        Booster booster = XGBoost.train(train, parameters, rounds, new HashMap<>(), null, null);
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= rounds; r++) {
            float[][] p = booster.predict(held, false, r);
            double[] probabilities = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                probabilities[i] = p[i][0];
            }
            double loss = BinaryEvaluator.evaluate(probabilities, validation.outcomes()).logLoss();
            if (loss < bestLoss - 1e-7) {
                bestLoss = loss;
                best = r;
            }
        }
        assertEquals(best, kept, "rounds kept");
        assertArrayEquals(Arrays.copyOf(booster.getModelDump((String) null, true, "json"), kept),
                stopped.trees().treeDumps().toArray(String[]::new), "the kept trees are the first rounds of the same model");
        double[] expected = new double[validation.rows()];
        float[][] p = booster.predict(held, false, kept);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = p[i][0];
        }
        assertArrayEquals(expected, stopped.validationProbabilities(), 2e-6);
        booster.dispose();
        train.dispose();
        held.dispose();
    }

    @Test
    void aWeightOfTwoCountsAsTheRowTwice() {
        EncodedData data = rows(1500, 4);
        double[] weights = new double[data.rows()];
        double[][] twice = new double[2 * data.rows()][];
        boolean[] twiceOutcomes = new boolean[twice.length];
        for (int i = 0; i < data.rows(); i++) {
            weights[i] = i % 3 == 0 ? 2.0 : 1.0;
        }
        int n = 0;
        for (int i = 0; i < data.rows(); i++) {
            for (int copy = 0; copy < weights[i]; copy++) {
                twice[n] = data.features()[i];
                twiceOutcomes[n++] = data.outcomes()[i];
            }
        }
        XGBoostSpec spec = new XGBoostSpec(3, 30, 0.1, 1.0, 1.0, 1, 1);
        BoostedTrees weighted = BoosterTrainer.fit(spec, data, weights, null, 5).trees();
        BoostedTrees repeated = BoosterTrainer.fit(spec, new EncodedData(Arrays.copyOf(twice, n), Arrays.copyOf(twiceOutcomes, n)), null, null, 5).trees();
        assertEquals(30, weighted.rounds());
        assertEquals(repeated.baseScore(), weighted.baseScore(), 1e-12);
        CompiledScorer a = weighted.compile(new String[WIDTH]);
        CompiledScorer b = repeated.compile(new String[WIDTH]);
        for (double[] row : data.features()) {
            assertEquals(b.logOdds(row), a.logOdds(row), 1e-5);
        }
    }
}
