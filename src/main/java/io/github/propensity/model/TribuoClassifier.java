// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Tribuo binary classifier over the project's dense encoded features: the model of a format-1 bundle (logistic
 * regression by SGD, or two-class softmax XGBoost), kept so that those bundles load and score as when they were made.
 * Scoring never goes through it: it is compiled to an array scorer ({@link ScorerCompiler}), which tests check
 * against {@link #positiveProbabilities}.
 */
public final class TribuoClassifier implements TrainedClassifier {
    /** Tribuo labels are case-sensitive strings; the user's label values are mapped onto these two. */
    public static final Label POSITIVE = new Label("positive");
    public static final Label NEGATIVE = new Label("negative");

    private final Model<Label> model;
    private final String[] featureNames;

    public TribuoClassifier(Model<Label> model, String[] featureNames) {
        this.model = Objects.requireNonNull(model, "model");
        this.featureNames = featureNames.clone();
    }

    public Model<Label> model() {
        return model;
    }

    @Override
    public String bundleFile() {
        return BundleFiles.MODEL;
    }

    @Override
    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            model.serializeToStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public CompiledScorer compile(String[] encoderFeatureNames) {
        return ScorerCompiler.compile(model, encoderFeatureNames);
    }

    public static MutableDataset<Label> dataset(String[] featureNames, double[][] features, boolean[] outcomes, String description) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, new LabelFactory()), new LabelFactory());
        for (int i = 0; i < features.length; i++) {
            dataset.add(new ArrayExample<>(outcomes[i] ? POSITIVE : NEGATIVE, featureNames, features[i]));
        }
        return dataset;
    }

    /** Uncalibrated probability of the positive class for each row, in one batched call. */
    public double[] positiveProbabilities(double[][] rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, row));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] probabilities = new double[rows.length];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = predictions.get(i).getOutputScores().get(POSITIVE.getLabel()).getScore();
        }
        return probabilities;
    }
}
