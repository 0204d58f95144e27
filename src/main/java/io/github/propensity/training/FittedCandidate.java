// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.BoostedTrees;
import io.github.propensity.model.CompiledScorer;
import io.github.propensity.model.TrainedClassifier;
import io.github.propensity.model.LinearModel;

import java.util.List;
import java.util.Objects;

/**
 * One candidate trained on some rows: the classifier, the settings it ended with (XGBoost's rounds as early
 * stopping chose them) and, when validation rows were given, its uncalibrated probabilities of them.
 *
 * @param validationProbabilities null when trained without validation rows
 */
record FittedCandidate(CandidateSpec spec, TrainedClassifier classifier, double[] validationProbabilities, double seconds) {
    FittedCandidate {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * Trains {@code spec} on {@code fit}. XGBoost with validation rows stops early on them; without, it trains
     * exactly {@code spec.rounds()} rounds. Logistic regression trains its epochs either way.
     *
     * @param validation rows to stop early on and to predict, or null
     * @param threads    for logistic regression (XGBoost's are in its spec)
     */
    static FittedCandidate train(CandidateSpec spec, EncodedData fit, EncodedData validation, String[] featureNames, long seed, int threads) {
        if (spec instanceof XGBoostSpec trees) {
            BoosterTrainer.Fit result = BoosterTrainer.fit(trees, fit, null, validation, seed);
            BoostedTrees model = result.trees();
            return new FittedCandidate(trees.withRounds(model.rounds()), model, result.validationProbabilities(), result.seconds());
        }
        LogisticSpec linear = (LogisticSpec) spec;
        long start = System.nanoTime();
        LinearModel classifier = LogisticFitter.fit(List.of(featureNames), fit.features(), fit.outcomes(), null, linear.l2(), threads);
        double[] probabilities = validation == null ? null : probabilities(classifier, validation.features(), featureNames);
        return new FittedCandidate(linear, classifier, probabilities, (System.nanoTime() - start) / 1e9);
    }

    /** Uncalibrated probabilities through the compiled scorer, the numbers the shipped model will give. */
    static double[] probabilities(TrainedClassifier classifier, double[][] rows, String[] featureNames) {
        CompiledScorer scorer = classifier.compile(featureNames);
        double[] probabilities = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            probabilities[i] = CompiledScorer.sigmoid(scorer.logOdds(rows[i]));
        }
        return probabilities;
    }
}
