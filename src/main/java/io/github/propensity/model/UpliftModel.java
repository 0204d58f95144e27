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
 *   <li>{@link UpliftStrategy#SINGLE_MODEL}: one classifier in {@code treated} over the encoder's features, then
 *       {@value #TREATMENT_FEATURE}, then the treatment times each feature (Lo 2002: without the products a linear
 *       model could only shift every customer's log-odds by the same amount); {@code control} is null;</li>
 *   <li>{@link UpliftStrategy#CLASS_TRANSFORMATION}: the transformed-class classifier in {@code treated}, and in
 *       {@code control} a response classifier of the control arm, which only the groups read (the transformed class
 *       says how much a contact changes, not how likely a response is without one).</li>
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
    private final UpliftGroups groups;

    public UpliftModel(FeatureSchema schema, UpliftStrategy strategy, TrainedClassifier treated, TrainedClassifier control,
                       UpliftGroups groups) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.encoder = schema.encoder();
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.treated = Objects.requireNonNull(treated, "treated");
        this.groups = Objects.requireNonNull(groups, "groups");
        if ((strategy != UpliftStrategy.SINGLE_MODEL) != (control != null)) {
            throw new IllegalArgumentException(strategy.id() + " needs " + (control == null ? "a" : "no") + " control classifier");
        }
        this.control = control;
        String[] names = encoder.featureNames();
        this.treatedScorer = treated.compile(strategy == UpliftStrategy.SINGLE_MODEL ? withTreatment(names) : names);
        this.controlScorer = control == null ? null : control.compile(names);
    }

    /** A single model's input names: the encoder's features, {@link #TREATMENT_FEATURE}, and each feature times it. */
    public static String[] withTreatment(String[] featureNames) {
        int width = featureNames.length;
        String[] names = Arrays.copyOf(featureNames, 2 * width + 1);
        names[width] = TREATMENT_FEATURE;
        for (int j = 0; j < width; j++) {
            names[width + 1 + j] = TREATMENT_FEATURE + " x " + featureNames[j];
        }
        return names;
    }

    /** A single model's input row for an encoded row, as if treated ({@code treated} true) or not. */
    public static double[] withTreatment(double[] encodedRow, boolean treated) {
        return treatmentRow(encodedRow, treated, new double[2 * encodedRow.length + 1]);
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

    /** The control arm's response classifier (two-model and class transformation), else null. */
    public TrainedClassifier control() {
        return control;
    }

    /** Predicted uplift of one row encoded by {@link #encoder()}: between -1 and 1. */
    public double uplift(double[] encodedRow) {
        return uplift(encodedRow, newScratch());
    }

    /**
     * {@link #uplift(double[])} with a single model's input row built in {@code scratch} instead of new arrays (it
     * runs for every customer of a base); the same arithmetic, so the same number.
     *
     * @param scratch from {@link #newScratch()}, owned by the calling thread
     */
    public double uplift(double[] encodedRow, double[] scratch) {
        double controlResponse = strategy == UpliftStrategy.CLASS_TRANSFORMATION ? Double.NaN : controlResponse(encodedRow, scratch);
        return uplift(encodedRow, scratch, controlResponse);
    }

    /**
     * {@link #uplift(double[], double[])} for a caller that has the row's {@link #controlResponse} already (scoring
     * needs both): a two-model or single model's uplift is the treated response minus it, so it is not computed twice.
     * A class-transformation model ignores it.
     */
    public double uplift(double[] encodedRow, double[] scratch, double controlResponse) {
        return switch (strategy) {
            case TWO_MODEL -> CompiledScorer.sigmoid(treatedScorer.logOdds(encodedRow)) - controlResponse;
            case SINGLE_MODEL -> CompiledScorer.sigmoid(treatedScorer.logOdds(treatmentRow(encodedRow, true, scratch))) - controlResponse;
            case CLASS_TRANSFORMATION -> 2 * CompiledScorer.sigmoid(treatedScorer.logOdds(encodedRow)) - 1;
        };
    }

    /** Scratch for the methods that take one: a single model's input row, empty for the other strategies. */
    public double[] newScratch() {
        return new double[strategy == UpliftStrategy.SINGLE_MODEL ? 2 * encoder.width() + 1 : 0];
    }

    /** A single model's input row written into {@code row}, every cell set: the one layout training and scoring share. */
    private static double[] treatmentRow(double[] encodedRow, boolean treated, double[] row) {
        int width = encodedRow.length;
        System.arraycopy(encodedRow, 0, row, 0, width);
        row[width] = treated ? 1 : 0;
        if (treated) {
            System.arraycopy(encodedRow, 0, row, width + 1, width);
        } else {
            Arrays.fill(row, width + 1, 2 * width + 1, 0.0);
        }
        return row;
    }

    public UpliftGroups groups() {
        return groups;
    }

    /** Predicted response without contact: the control model's, or a single model's with the treatment at 0. */
    public double controlResponse(double[] encodedRow) {
        return controlResponse(encodedRow, newScratch());
    }

    /** {@link #controlResponse(double[])} with a single model's input row built in {@code scratch}. */
    public double controlResponse(double[] encodedRow, double[] scratch) {
        if (strategy == UpliftStrategy.SINGLE_MODEL) {
            return CompiledScorer.sigmoid(treatedScorer.logOdds(treatmentRow(encodedRow, false, scratch)));
        }
        return CompiledScorer.sigmoid(controlScorer.logOdds(encodedRow));
    }

    /** The customer's {@link UpliftGroup} given their predicted uplift. */
    public UpliftGroup group(double[] encodedRow, double uplift) {
        return groups.of(uplift, controlResponse(encodedRow));
    }

    public double[] uplifts(double[][] encodedRows) {
        double[] uplifts = new double[encodedRows.length];
        double[] scratch = newScratch();
        for (int i = 0; i < uplifts.length; i++) {
            uplifts[i] = uplift(encodedRows[i], scratch);
        }
        return uplifts;
    }
}
