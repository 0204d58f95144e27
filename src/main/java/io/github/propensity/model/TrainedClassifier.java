// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * The trained classifier a bundle stores: boosted trees or logistic regression in the project's own files, or a
 * Tribuo model (every model of a format-1 bundle). Each compiles to the {@link CompiledScorer} that scores.
 */
public sealed interface TrainedClassifier permits BoostedTrees, LinearModel, TribuoClassifier {
    /** The bundle file this classifier is stored in, one of {@link BundleFiles#CLASSIFIERS}. */
    String bundleFile();

    /** The stored form, the bytes of {@link #bundleFile()}. */
    byte[] serialize();

    /** The array scorer over the encoder's feature order. */
    CompiledScorer compile(String[] featureNames);
}
