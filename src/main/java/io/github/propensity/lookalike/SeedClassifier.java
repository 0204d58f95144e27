// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.model.CompiledScorer;
import io.github.propensity.model.ScorerCompiler;
import io.github.propensity.model.TribuoClassifier;
import io.github.propensity.training.CandidateSpec;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.XGBoostSpec;
import io.github.propensity.training.TribuoLogging;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Seed members against the pool (positive-unlabelled learning): a classifier learns what separates the seed from a
 * random sample of everyone, and its log-odds rank the pool. Logistic regression (smooth, robust on small seeds) or
 * boosted trees (which see interactions such as "many service calls and high day minutes"); both Tribuo, compiled
 * to the project's array scorers. Seed weights (from a value column) weigh the seed examples.
 */
final class SeedClassifier implements SimilarityModel {
    static final LogisticSpec LINEAR = new LogisticSpec(0.1, 1e-3, 10, 1);
    static final XGBoostSpec TREES = new XGBoostSpec(3, 150, 0.1, 0.8, 0.8, 3.0, 2);
    private final CompiledScorer scorer;

    private SeedClassifier(CompiledScorer scorer) {
        this.scorer = scorer;
    }

    static SeedClassifier fit(CandidateSpec spec, String[] featureNames, float[][] seed, double[] seedWeights, float[][] background, long randomSeed) {
        TribuoLogging.quiet();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("lookalike seed", new LabelFactory()), new LabelFactory());
        double meanWeight = 0;
        for (double weight : seedWeights) {
            meanWeight += weight / seedWeights.length;
        }
        // Balance the classes: the seed's total weight equals the background's, whatever their sizes.
        double seedScale = (double) background.length / seed.length / meanWeight;
        for (int i = 0; i < seed.length; i++) {
            ArrayExample<Label> example = new ArrayExample<>(TribuoClassifier.POSITIVE, featureNames, toDouble(seed[i]));
            example.setWeight((float) (seedWeights[i] * seedScale));
            dataset.add(example);
        }
        for (float[] row : background) {
            dataset.add(new ArrayExample<>(TribuoClassifier.NEGATIVE, featureNames, toDouble(row)));
        }
        Model<Label> model = spec.trainer(randomSeed).train(dataset);
        return new SeedClassifier(ScorerCompiler.compile(model, featureNames));
    }

    @Override
    public double score(float[] vector) {
        return scorer.logOdds(toDouble(vector));
    }

    @Override
    public double similarity(double score) {
        return CompiledScorer.sigmoid(score);
    }

    @Override
    public void explain(float[] vector, double[] perFeature) {
        scorer.explain(toDouble(vector), perFeature);
    }

    static double[] toDouble(float[] row) {
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = row[j];
        }
        return values;
    }
}
