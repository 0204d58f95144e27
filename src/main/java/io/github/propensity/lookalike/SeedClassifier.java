// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.model.CompiledScorer;
import io.github.propensity.training.BoosterTrainer;
import io.github.propensity.training.CandidateSpec;
import io.github.propensity.training.EncodedData;
import io.github.propensity.training.LogisticFitter;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.XGBoostSpec;

import java.util.List;

/**
 * Seed members against the pool (positive-unlabelled learning): a classifier learns what separates the seed from a
 * random sample of everyone, and its log-odds rank the pool. Logistic regression (smooth, robust on small seeds) or
 * boosted trees (which see interactions such as "many service calls and high day minutes"), the same fitters as
 * training uses, compiled to the project's array scorers. Seed weights (from a value column) weigh the seed examples.
 */
final class SeedClassifier implements SimilarityModel {
    static final LogisticSpec LINEAR = new LogisticSpec(1.0);
    static final XGBoostSpec TREES = new XGBoostSpec(3, 150, 0.1, 0.8, 0.8, 3.0, 2);
    private final CompiledScorer scorer;

    private SeedClassifier(CompiledScorer scorer) {
        this.scorer = scorer;
    }

    static SeedClassifier fit(CandidateSpec spec, String[] featureNames, float[][] seed, double[] seedWeights, float[][] background, long randomSeed) {
        double meanWeight = 0;
        for (double weight : seedWeights) {
            meanWeight += weight / seedWeights.length;
        }
        // Balance the classes: the seed's total weight equals the background's, whatever their sizes.
        double seedScale = (double) background.length / seed.length / meanWeight;
        double[][] rows = new double[seed.length + background.length][];
        boolean[] isSeed = new boolean[rows.length];
        double[] weights = new double[rows.length];
        for (int i = 0; i < seed.length; i++) {
            rows[i] = toDouble(seed[i]);
            isSeed[i] = true;
            weights[i] = seedWeights[i] * seedScale;
        }
        for (int i = 0; i < background.length; i++) {
            rows[seed.length + i] = toDouble(background[i]);
            weights[seed.length + i] = 1;
        }
        EncodedData data = new EncodedData(rows, isSeed);
        if (spec instanceof XGBoostSpec trees) {
            return new SeedClassifier(BoosterTrainer.fit(trees, data, weights, null, randomSeed).trees().compile(featureNames));
        }
        return new SeedClassifier(LogisticFitter.fit(List.of(featureNames), rows, isSeed, weights, ((LogisticSpec) spec).l2(), TREES.threads()).compile(featureNames));
    }

    @Override
    public double score(float[] vector) {
        return scorer.logOdds(vector);
    }

    @Override
    public double similarity(double score) {
        return CompiledScorer.sigmoid(score);
    }

    @Override
    public void explain(float[] vector, double[] perFeature) {
        scorer.explain(vector, perFeature);
    }

    static double[] toDouble(float[] row) {
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = row[j];
        }
        return values;
    }
}
