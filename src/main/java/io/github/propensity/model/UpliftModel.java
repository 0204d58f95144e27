// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted uplift model: the shared feature encoder and the classifiers its {@link UpliftStrategy} needs, compiled
 * once to array scorers. Immutable and safe to share across threads.
 * <ul>
 *   <li>{@link UpliftStrategy#TWO_MODEL}: {@code treated} and {@code control} response classifiers;</li>
 *   <li>{@link UpliftStrategy#SINGLE_MODEL}: one classifier in {@code treated} over the encoder's features plus
 *       {@value #TREATMENT_FEATURE} last; {@code control} is null;</li>
 *   <li>{@link UpliftStrategy#CLASS_TRANSFORMATION}: the transformed-class classifier in {@code treated};
 *       {@code control} is null.</li>
 * </ul>
 * Probabilities are the classifiers' own (uncalibrated): the arms' difference is what is ranked, and a calibrator
 * fitted to each arm separately would bend the two curves differently.
 */
public final class UpliftModel {
    /** The feature a single model reads the treatment from: 1 treated, 0 control. */
    public static final String TREATMENT_FEATURE = "(treated)";

    private final FeatureSchema schema;
    private final FeatureEncoder encoder;
    private final UpliftStrategy strategy;
    private final TrainedClassifier treated;
    private final TrainedClassifier control;
    private final CompiledScorer treatedScorer;
    private final CompiledScorer controlScorer;

    public UpliftModel(FeatureSchema schema, UpliftStrategy strategy, TrainedClassifier treated, TrainedClassifier control) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.encoder = schema.encoder();
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.treated = Objects.requireNonNull(treated, "treated");
        if ((strategy == UpliftStrategy.TWO_MODEL) != (control != null)) {
            throw new IllegalArgumentException(strategy.id() + " needs " + (control == null ? "a" : "no") + " control classifier");
        }
        this.control = control;
        String[] names = encoder.featureNames();
        this.treatedScorer = treated.compile(strategy == UpliftStrategy.SINGLE_MODEL ? withTreatment(names) : names);
        this.controlScorer = control == null ? null : control.compile(names);
    }

    /** The encoder's feature names with {@link #TREATMENT_FEATURE} appended: a single model's inputs. */
    public static String[] withTreatment(String[] featureNames) {
        String[] names = Arrays.copyOf(featureNames, featureNames.length + 1);
        names[featureNames.length] = TREATMENT_FEATURE;
        return names;
    }

    public FeatureSchema schema() {
        return schema;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public UpliftStrategy strategy() {
        return strategy;
    }

    /** The treated arm's classifier, the single model, or the transformed-class classifier (see the class comment). */
    public TrainedClassifier treated() {
        return treated;
    }

    /** The control arm's classifier of a two-model strategy, else null. */
    public TrainedClassifier control() {
        return control;
    }

    /** Predicted uplift of one row encoded by {@link #encoder()}: between -1 and 1. */
    public double uplift(double[] encodedRow) {
        return switch (strategy) {
            case TWO_MODEL -> CompiledScorer.sigmoid(treatedScorer.logOdds(encodedRow)) - CompiledScorer.sigmoid(controlScorer.logOdds(encodedRow));
            case SINGLE_MODEL -> {
                double[] row = Arrays.copyOf(encodedRow, encodedRow.length + 1);
                row[encodedRow.length] = 1;
                double whenTreated = CompiledScorer.sigmoid(treatedScorer.logOdds(row));
                row[encodedRow.length] = 0;
                yield whenTreated - CompiledScorer.sigmoid(treatedScorer.logOdds(row));
            }
            case CLASS_TRANSFORMATION -> 2 * CompiledScorer.sigmoid(treatedScorer.logOdds(encodedRow)) - 1;
        };
    }

    public double[] uplifts(double[][] encodedRows) {
        double[] uplifts = new double[encodedRows.length];
        for (int i = 0; i < uplifts.length; i++) {
            uplifts[i] = uplift(encodedRows[i]);
        }
        return uplifts;
    }
}
