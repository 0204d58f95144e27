// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.training.calibration.Calibrator;

import java.util.Objects;

/**
 * The scoring function of one model: encoder, classifier and calibrator together, so no caller can forget the
 * calibration step or encode differently. Immutable; safe to share across threads.
 */
public final class PropensityModel {
    private final FeatureSchema schema;
    private final FeatureEncoder encoder;
    private final TribuoClassifier classifier;
    private final Calibrator calibrator;

    public PropensityModel(FeatureSchema schema, TribuoClassifier classifier, Calibrator calibrator) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.encoder = schema.encoder();
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
    }

    public FeatureSchema schema() {
        return schema;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public TribuoClassifier classifier() {
        return classifier;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    /** Calibrated probabilities (0-1) for rows already encoded by {@link #encoder()}. */
    public double[] probabilities(double[][] encodedRows) {
        double[] raw = classifier.positiveProbabilities(encodedRows);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = calibrator.calibrate(raw[i]);
        }
        return raw;
    }
}
