// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.model.CompiledScorer;
import io.github.propensity.model.LinearScorer;
import io.github.propensity.model.ScorerCompiler;
import io.github.propensity.model.TribuoClassifier;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.TribuoLogging;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Seed members against the pool: a regularized logistic regression (Tribuo) learns what separates the seed from a
 * random sample of everyone, and its log-odds rank the pool. Seed weights (from a value column) weigh the seed
 * examples, so high-value members shape the audience more.
 */
final class SeedClassifier implements SimilarityModel {
    private static final LogisticSpec SPEC = new LogisticSpec(0.1, 1e-3, 10, 1);
    private final LinearScorer scorer;

    private SeedClassifier(LinearScorer scorer) {
        this.scorer = scorer;
    }

    static SeedClassifier fit(String[] featureNames, float[][] seed, double[] seedWeights, float[][] background, long randomSeed) {
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
        Model<Label> model = SPEC.trainer(randomSeed).train(dataset);
        CompiledScorer compiled = ScorerCompiler.compile(model, featureNames);
        return new SeedClassifier((LinearScorer) compiled);
    }

    @Override
    public double score(float[] vector) {
        double sum = scorer.intercept();
        double[] coefficients = scorer.coefficients();
        for (int j = 0; j < coefficients.length; j++) {
            sum += coefficients[j] * vector[j];
        }
        return sum;
    }

    @Override
    public double similarity(double score) {
        return CompiledScorer.sigmoid(score);
    }

    @Override
    public void explain(float[] vector, double[] perFeature) {
        double[] coefficients = scorer.coefficients();
        for (int j = 0; j < coefficients.length; j++) {
            perFeature[j] = coefficients[j] * vector[j];
        }
    }

    static double[] toDouble(float[] row) {
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = row[j];
        }
        return values;
    }
}
