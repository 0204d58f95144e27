// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;

import java.util.Objects;

/**
 * The scoring function of one model: encoder, classifier and calibrator together, so no caller can forget the
 * calibration step or encode differently. Scoring runs on the classifier compiled to plain arrays (the same numbers
 * as the trained model, checked by tests, at a fraction of the cost per row). Immutable; safe to share across threads.
 */
public final class PropensityModel {
    private final FeatureSchema schema;
    private final FeatureEncoder encoder;
    private final TrainedClassifier classifier;
    private final Calibrator calibrator;
    private final CompiledScorer scorer;

    public PropensityModel(FeatureSchema schema, TrainedClassifier classifier, Calibrator calibrator) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.encoder = schema.encoder();
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
        this.scorer = classifier.compile(encoder.featureNames());
    }

    public FeatureSchema schema() {
        return schema;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public TrainedClassifier classifier() {
        return classifier;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    public CompiledScorer scorer() {
        return scorer;
    }

    /** Calibrated probability (0-1) of one row already encoded by {@link #encoder()}. */
    public double probability(double[] encodedRow) {
        return calibrator.calibrate(CompiledScorer.sigmoid(scorer.logOdds(encodedRow)));
    }

    /** Calibrated probabilities (0-1) for rows already encoded by {@link #encoder()}. */
    public double[] probabilities(double[][] encodedRows) {
        double[] probabilities = new double[encodedRows.length];
        for (int i = 0; i < encodedRows.length; i++) {
            probabilities[i] = probability(encodedRows[i]);
        }
        return probabilities;
    }

    /**
     * The calibrated probability of one encoded row, with each encoded feature's contribution to the uncalibrated
     * log-odds written into {@code contributions}.
     */
    public double explain(double[] encodedRow, double[] contributions) {
        return calibrator.calibrate(CompiledScorer.sigmoid(scorer.explain(encodedRow, contributions)));
    }
}
