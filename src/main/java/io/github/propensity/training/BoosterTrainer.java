// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.BoostedTrees;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Boosted trees trained through XGBoost's own API: {@code binary:logistic} (one tree per round), the {@code hist}
 * tree method, and native early stopping on a validation set, which stops {@value #EARLY_STOPPING_ROUNDS} rounds
 * after the best validation log loss and keeps the trees up to it. Rows go to XGBoost as one flat float matrix
 * built from the encoder's rows, nothing per row in between. The base score is the positive share of the rows
 * (XGBoost 1.x would start every model at 0.5), so early rounds are not spent learning the intercept.
 */
public final class BoosterTrainer {
    /** Patience of early stopping: at eta 0.05, 50 rounds of no improvement is well past the optimum. */
    static final int EARLY_STOPPING_ROUNDS = 50;

    private BoosterTrainer() {
    }

    /**
     * @param trees                   the trees up to the best validation round (all {@code spec.rounds()} without validation)
     * @param validationProbabilities the kept trees' uncalibrated probabilities of the validation rows, null without them
     * @param trained                 every tree trained, past the best round up to where early stopping stopped
     * @param validationLogLoss       XGBoost's validation log loss after each trained round, empty without validation
     */
    public record Fit(BoostedTrees trees, double[] validationProbabilities, double seconds, BoostedTrees trained,
                      float[] validationLogLoss) {
    }

    /**
     * Trains on {@code fit}; with {@code validation}, up to {@code spec.rounds()} rounds with early stopping, without
     * it exactly {@code spec.rounds()} rounds.
     *
     * @param weights one per fit row, or null for equal weights
     */
    public static Fit fit(XGBoostSpec spec, EncodedData fit, double[] weights, EncodedData validation, long seed) {
        long start = System.nanoTime();
        if (weights != null && weights.length != fit.rows()) {
            throw new IllegalArgumentException("one weight per row is required");
        }
        double baseScore = EncodedData.positiveShare(fit.outcomes(), weights);
        int width = fit.rows() > 0 ? fit.features()[0].length : 0;
        DMatrix train = null;
        DMatrix held = null;
        Booster booster = null;
        try {
            train = matrix(fit, width);
            if (weights != null) {
                train.setWeight(toFloat(weights));
            }
            Map<String, DMatrix> watches = new HashMap<>();
            float[][] metrics = new float[1][spec.rounds()];
            if (validation != null) {
                held = matrix(validation, width);
                watches.put("validation", held);
            }
            booster = XGBoost.train(train, parameters(spec, baseScore, seed), spec.rounds(), watches, metrics, null, null,
                    validation != null ? EARLY_STOPPING_ROUNDS : 0);
            String[] dump = booster.getModelDump((String) null, true, "json");
            int kept = validation != null ? bestRounds(metrics[0], dump.length) : dump.length;
            BoostedTrees trained = new BoostedTrees(baseScore, Arrays.asList(dump));
            BoostedTrees trees = trained.firstRounds(kept);
            double[] probabilities = validation != null ? FittedCandidate.probabilities(trees, validation.features(), new String[width]) : null;
            float[] curve = validation != null ? Arrays.copyOf(metrics[0], dump.length) : new float[0];
            return new Fit(trees, probabilities, (System.nanoTime() - start) / 1e9, trained, curve);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (held != null) {
                held.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }

    private static Map<String, Object> parameters(XGBoostSpec spec, double baseScore, long seed) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("tree_method", "hist");
        parameters.put("eta", spec.eta());
        parameters.put("max_depth", spec.maxDepth());
        parameters.put("min_child_weight", spec.minChildWeight());
        parameters.put("subsample", spec.subsample());
        parameters.put("colsample_bytree", spec.columnSample());
        parameters.put("nthread", spec.threads());
        parameters.put("base_score", baseScore);
        parameters.put("eval_metric", "logloss");
        parameters.put("seed", seed);
        parameters.put("verbosity", 0);
        // Read by xgboost4j itself, not the native library: 0 keeps a line per round off the user's terminal.
        parameters.put("verbose_eval", 0);
        return parameters;
    }

    /** Rounds up to the lowest validation log loss among those trained (the first on ties). */
    static int bestRounds(float[] validationLogLoss, int trained) {
        int best = 0;
        for (int round = 1; round < trained; round++) {
            if (validationLogLoss[round] < validationLogLoss[best]) {
                best = round;
            }
        }
        return best + 1;
    }

    /** One flat row-major float matrix; a size past 2^31 cells cannot be laid out and fails rather than wraps. */
    private static DMatrix matrix(EncodedData rows, int width) throws XGBoostError {
        float[] data = new float[Math.multiplyExact(rows.rows(), width)];
        float[] labels = new float[rows.rows()];
        for (int i = 0; i < rows.rows(); i++) {
            double[] row = rows.features()[i];
            int offset = i * width;
            for (int j = 0; j < width; j++) {
                data[offset + j] = (float) row[j];
            }
            labels[i] = rows.outcomes()[i] ? 1f : 0f;
        }
        DMatrix matrix = new DMatrix(data, rows.rows(), width, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private static float[] toFloat(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

}
