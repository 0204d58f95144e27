// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression over the encoded features: {@code logit P = intercept + sum coefficient[j] * x[j]}, with
 * {@code x[j]} the encoder's j-th feature. Stored with the feature names, so a bundle whose schema and
 * coefficients disagree is caught on load.
 */
public record LinearModel(List<String> featureNames, double[] coefficients, double intercept) implements TrainedClassifier {
    public static final String FORMAT = "logistic-regression";

    public LinearModel {
        featureNames = List.copyOf(featureNames);
        coefficients = coefficients.clone();
        if (featureNames.size() != coefficients.length) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + featureNames.size() + " features");
        }
        for (double coefficient : coefficients) {
            if (!Double.isFinite(coefficient)) {
                throw new IllegalArgumentException("coefficients must be finite");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("the intercept must be finite");
        }
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public String bundleFile() {
        return BundleFiles.LINEAR;
    }

    @Override
    public byte[] serialize() {
        ObjectNode root = ClassifierJson.document(FORMAT);
        root.put("intercept", intercept);
        ArrayNode features = root.putArray("features");
        ArrayNode values = root.putArray("coefficients");
        for (int j = 0; j < coefficients.length; j++) {
            features.add(featureNames.get(j));
            values.add(coefficients[j]);
        }
        return ClassifierJson.write(root);
    }

    /** Reads {@link #serialize()}'s form; another form or a damaged file is a {@link BundleException}. */
    public static LinearModel parse(byte[] bytes) {
        JsonNode root = ClassifierJson.read(bytes, FORMAT, "the linear model");
        List<String> names = new ArrayList<>();
        root.path("features").forEach(name -> names.add(name.asText()));
        JsonNode values = root.path("coefficients");
        double[] coefficients = new double[values.size()];
        for (int j = 0; j < coefficients.length; j++) {
            coefficients[j] = values.get(j).asDouble(Double.NaN);
        }
        try {
            return new LinearModel(names, coefficients, root.path("intercept").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw new BundleException("the linear model is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public CompiledScorer compile(String[] encoderFeatureNames) {
        if (!featureNames.equals(List.of(encoderFeatureNames))) {
            throw new BundleException("the linear model's features do not match the feature schema's");
        }
        return new LinearScorer(coefficients, intercept);
    }
}
