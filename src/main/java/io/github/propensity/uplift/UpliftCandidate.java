// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.features.FeatureSchema;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.model.TrainedClassifier;
import io.github.propensity.model.UpliftGroups;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.model.UpliftStrategy;
import io.github.propensity.training.BoosterTrainer;
import io.github.propensity.training.CandidateSpec;
import io.github.propensity.training.EncodedData;
import io.github.propensity.training.LogisticFitter;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.StratifiedSplits;
import io.github.propensity.training.XGBoostSpec;

import java.util.Arrays;
import java.util.List;

/**
 * One way to learn an uplift: a strategy over one of the project's learners. Boosted trees stop early on a
 * stratified fifth of the rows they are given (log loss of the response, or of the transformed class), so every fit,
 * cross-validation fold or final, chooses its own number of rounds from rows it does not train on.
 */
public record UpliftCandidate(UpliftStrategy strategy, CandidateSpec learner) {
    static final double EARLY_STOPPING_FRACTION = 0.2;

    public String describe() {
        return strategy.description() + " on " + learner.describe();
    }

    /**
     * Strategies x learners: logistic regression (L2 1) and shallow boosted trees. Deeper trees (depth 3) and a
     * slower learning rate were never chosen on the Hillstrom arms and took four times as long.
     */
    static List<UpliftCandidate> grid(int threads) {
        List<CandidateSpec> learners = List.of(new LogisticSpec(1.0), new XGBoostSpec(2, 500, 0.1, 0.8, 0.8, 5, threads));
        return Arrays.stream(UpliftStrategy.values())
                .flatMap(strategy -> learners.stream().map(learner -> new UpliftCandidate(strategy, learner))).toList();
    }

    /** Fits this candidate on encoded rows and returns the model; {@code groups} says how it assigns the groups. */
    UpliftModel fit(FeatureSchema schema, double[][] rows, boolean[] treated, boolean[] outcomes, GroupSettings groupSettings,
                    long seed, int threads) {
        String[] names = schema.encoder().featureNames();
        UpliftGroups groups = new UpliftGroups(groupSettings.margin(), controlRate(treated, outcomes), groupSettings.direction());
        return switch (strategy) {
            case TWO_MODEL -> {
                int[] treatedRows = where(treated, true);
                int[] controlRows = where(treated, false);
                TrainedClassifier whenTreated = classifier(names, pick(rows, treatedRows), pick(outcomes, treatedRows), null, seed, threads);
                TrainedClassifier whenControl = classifier(names, pick(rows, controlRows), pick(outcomes, controlRows), null, seed, threads);
                yield new UpliftModel(schema, strategy, whenTreated, whenControl, groups);
            }
            case SINGLE_MODEL -> {
                double[][] withTreatment = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    withTreatment[i] = UpliftModel.withTreatment(rows[i], treated[i]);
                }
                yield new UpliftModel(schema, strategy,
                        classifier(UpliftModel.withTreatment(names), withTreatment, outcomes, null, seed, threads), null, groups);
            }
            case CLASS_TRANSFORMATION -> {
                boolean[] transformed = new boolean[rows.length];
                double share = 0;
                for (int i = 0; i < rows.length; i++) {
                    transformed[i] = treated[i] == outcomes[i];
                    share += treated[i] ? 1 : 0;
                }
                share /= rows.length;
                // Each arm weighs half: then P(z = 1 | x) = (1 + uplift(x)) / 2 whatever the share treated.
                double[] weights = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    weights[i] = treated[i] ? 0.5 / share : 0.5 / (1 - share);
                }
                int[] controlRows = where(treated, false);
                TrainedClassifier response = classifier(names, pick(rows, controlRows), pick(outcomes, controlRows), null, seed, threads);
                yield new UpliftModel(schema, strategy, classifier(names, rows, transformed, weights, seed, threads), response, groups);
            }
        };
    }

    /** The groups' margin and the outcome's direction; the control rate comes from the rows each fit sees. */
    record GroupSettings(double margin, OutcomeDirection direction) {
    }

    /** The control arm's response rate: where the groups split sure things from lost causes. */
    static double controlRate(boolean[] treated, boolean[] outcomes) {
        long control = 0;
        long responders = 0;
        for (int i = 0; i < treated.length; i++) {
            if (!treated[i]) {
                control++;
                responders += outcomes[i] ? 1 : 0;
            }
        }
        return (double) responders / control;
    }

    private TrainedClassifier classifier(String[] names, double[][] rows, boolean[] outcomes, double[] weights, long seed, int threads) {
        if (learner instanceof LogisticSpec logistic) {
            return LogisticFitter.fit(List.of(names), rows, outcomes, weights, logistic.l2(), threads);
        }
        XGBoostSpec trees = ((XGBoostSpec) learner).withThreads(threads);
        int[][] split = StratifiedSplits.holdout(outcomes, EARLY_STOPPING_FRACTION, seed);
        EncodedData fit = new EncodedData(pick(rows, split[0]), pick(outcomes, split[0]));
        EncodedData stopping = new EncodedData(pick(rows, split[1]), pick(outcomes, split[1]));
        return BoosterTrainer.fit(trees, fit, weights == null ? null : pick(weights, split[0]), stopping, seed).trees();
    }

    static int[] where(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag == value ? 1 : 0;
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    static double[][] pick(double[][] rows, int[] indices) {
        double[][] picked = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = rows[indices[i]];
        }
        return picked;
    }

    static boolean[] pick(boolean[] values, int[] indices) {
        boolean[] picked = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }
}
