// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two forecasts an analyst tries before a BG/NBD model, so that the holdout check says whether the model earns
 * its keep:
 * <ul>
 *   <li><b>rate x horizon</b>: the customer's own repeat-purchase rate since their first purchase, x / T per week,
 *       times the holdout's weeks;</li>
 *   <li><b>Poisson boosted trees</b>: XGBoost with a Poisson objective on the same summary (x, t_x, T, T - t_x and
 *       the mean repeat value), trained on an earlier window: histories at an earlier cut-off, labelled with their
 *       purchase days between that cut-off and the calibration end, so nothing after the calibration end is seen.
 *       Its forecast for the holdout is the window's forecast scaled by holdout weeks / window weeks, since a model
 *       trained on one window length can only be stretched to another.</li>
 * </ul>
 */
public final class HoldoutBaselines {
    private static final int MAX_ROUNDS = 1000;
    private static final int PATIENCE = 50;
    private static final int FEATURES = 5;
    private static final int MAX_TRAINING_CUSTOMERS = 200_000;
    private static final byte LEFT_OUT = 0;
    private static final byte TRAINING = 1;
    private static final byte VALIDATION = 2;

    private HoldoutBaselines() {
    }

    public static HoldoutForecast rateTimesHorizon(PurchaseHistories histories, double horizonWeeks) {
        int n = histories.size();
        double[] purchases = new double[n];
        for (int i = 0; i < n; i++) {
            double age = histories.ageWeeks(i);
            purchases[i] = age > 0 ? histories.frequency(i) / age * horizonWeeks : 0;
        }
        return new HoldoutForecast("rate_x_horizon", "repeat purchases per week since the first purchase x holdout weeks",
                purchases, purchases);
    }

    /**
     * @param earlier        histories at the earlier cut-off
     * @param windowPurchases their purchase days from the earlier cut-off to the calibration end
     * @param windowWeeks    the length of that window
     */
    public static HoldoutForecast poissonTrees(PurchaseHistories earlier, int[] windowPurchases, double windowWeeks,
                                               PurchaseHistories calibration, double holdoutWeeks, long seed, int threads) {
        if (windowPurchases.length != earlier.size()) {
            throw new IllegalArgumentException("one window outcome per earlier history");
        }
        int n = earlier.size();
        // A fifth of the earlier customers, drawn with the seed, chooses the number of rounds. A yardstick needs no
        // more than a couple of hundred thousand customers: above that, a uniform sample of about that many is used
        // (a million took 44 s, most of a holdout check, where the model's own fit takes 2 s).
        SplittableRandom random = new SplittableRandom(seed);
        double keep = Math.min(1, (double) MAX_TRAINING_CUSTOMERS / n);
        byte[] role = new byte[n];
        int trainingRows = 0;
        int validationRows = 0;
        for (int i = 0; i < n; i++) {
            if (keep < 1 && random.nextDouble() >= keep) {
                role[i] = LEFT_OUT;
                continue;
            }
            role[i] = random.nextDouble() < 0.2 ? VALIDATION : TRAINING;
            validationRows += role[i] == VALIDATION ? 1 : 0;
            trainingRows += role[i] == TRAINING ? 1 : 0;
        }
        DMatrix train = null;
        DMatrix held = null;
        DMatrix scored = null;
        Booster booster = null;
        try {
            train = matrix(earlier, windowPurchases, role, TRAINING, trainingRows);
            held = matrix(earlier, windowPurchases, role, VALIDATION, validationRows);
            Map<String, DMatrix> watches = new HashMap<>();
            watches.put("validation", held);
            float[][] metrics = new float[1][MAX_ROUNDS];
            booster = XGBoost.train(train, parameters(seed, threads), MAX_ROUNDS, watches, metrics, null, null, PATIENCE);
            int rounds = bestRounds(metrics[0]);
            scored = matrix(calibration, null, null, TRAINING, calibration.size());
            float[][] predicted = booster.predict(scored, false, rounds);
            double scale = holdoutWeeks / windowWeeks;
            double[] purchases = new double[calibration.size()];
            for (int i = 0; i < purchases.length; i++) {
                purchases[i] = predicted[i][0] * scale;
            }
            return new HoldoutForecast("poisson_gbm", "XGBoost count:poisson on (x, t_x, T, T - t_x, mean repeat value), trained on "
                    + Math.round(windowWeeks * 10) / 10.0 + " weeks before the calibration end, scaled to the holdout", purchases, purchases);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed on the Poisson baseline: " + e.getMessage(), e);
        } finally {
            for (DMatrix matrix : new DMatrix[]{train, held, scored}) {
                if (matrix != null) {
                    matrix.dispose();
                }
            }
            if (booster != null) {
                booster.dispose();
            }
        }
    }

    /** Rounds up to the lowest validation loss, the first on ties (the metrics array holds 0 past the last round). */
    private static int bestRounds(float[] loss) {
        int best = 0;
        for (int round = 1; round < loss.length && loss[round] != 0; round++) {
            if (loss[round] < loss[best]) {
                best = round;
            }
        }
        return best + 1;
    }

    private static Map<String, Object> parameters(long seed, int threads) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "count:poisson");
        parameters.put("eval_metric", "poisson-nloglik");
        parameters.put("tree_method", "hist");
        parameters.put("eta", 0.05);
        parameters.put("max_depth", 4);
        parameters.put("subsample", 0.8);
        parameters.put("nthread", threads);
        parameters.put("seed", seed);
        parameters.put("verbosity", 0);
        parameters.put("verbose_eval", 0);
        return parameters;
    }

    /** The rows whose role is {@code wanted} (all rows when the roles are null). */
    private static DMatrix matrix(PurchaseHistories histories, int[] labels, byte[] role, byte wanted, int rows)
            throws XGBoostError {
        float[] data = new float[Math.multiplyExact(rows, FEATURES)];
        float[] label = new float[rows];
        int row = 0;
        for (int i = 0; i < histories.size(); i++) {
            if (role != null && role[i] != wanted) {
                continue;
            }
            int offset = row * FEATURES;
            data[offset] = histories.frequency(i);
            data[offset + 1] = (float) histories.recencyWeeks(i);
            data[offset + 2] = (float) histories.ageWeeks(i);
            data[offset + 3] = (float) (histories.ageWeeks(i) - histories.recencyWeeks(i));
            data[offset + 4] = (float) histories.meanRepeatValue(i);
            label[row] = labels == null ? 0 : labels[i];
            row++;
        }
        DMatrix matrix = new DMatrix(data, rows, FEATURES, Float.NaN);
        matrix.setLabel(label);
        return matrix;
    }
}
