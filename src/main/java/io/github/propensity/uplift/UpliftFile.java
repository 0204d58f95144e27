// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.model.BundleFiles;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.model.UpliftStrategy;

import java.util.Objects;

/**
 * {@code uplift.json} of an uplift bundle: what the model compares and where its classifiers are. The classifiers
 * are the project's own files ({@code trees.json} or {@code linear.json} forms) named with a {@code treated-} or
 * {@code control-} prefix; the encoder is {@code features.json}, as in a propensity bundle.
 *
 * @param controlClassifier the control arm's response classifier; null for a single model
 * @param groupMargin       and {@code controlRate}: the groups' thresholds ({@link io.github.propensity.model.UpliftGroups})
 * @param outcome           {@code wanted} or {@code unwanted}: whether the label is the response the campaign seeks
 */
public record UpliftFile(String campaign, String strategy, String treatmentColumn, String treated, String control,
                         String labelColumn, String positive, String treatedClassifier, String controlClassifier,
                         double groupMargin, double controlRate, String outcome) {
    public static final String NAME = "uplift.json";
    public static final String TREATED_PREFIX = "treated-";
    public static final String CONTROL_PREFIX = "control-";

    public UpliftFile {
        CampaignName.check(campaign);
        UpliftStrategy parsed = UpliftStrategy.of(strategy);
        OutcomeDirection.parse(outcome);
        Objects.requireNonNull(treatmentColumn, "treatment_column");
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(labelColumn, "label_column");
        Objects.requireNonNull(positive, "positive");
        checkClassifierFile(treatedClassifier, TREATED_PREFIX);
        if ((parsed != UpliftStrategy.SINGLE_MODEL) != (controlClassifier != null)) {
            throw new IllegalArgumentException(strategy + " must " + (controlClassifier == null ? "" : "not ") + "name a control classifier");
        }
        if (controlClassifier != null) {
            checkClassifierFile(controlClassifier, CONTROL_PREFIX);
        }
    }

    private static void checkClassifierFile(String name, String prefix) {
        if (name == null || !name.startsWith(prefix) || !(name.endsWith(BundleFiles.TREES) || name.endsWith(BundleFiles.LINEAR))
                || !BundleFiles.classifierAmong(java.util.List.of(name.substring(prefix.length()))).isPresent()) {
            throw new IllegalArgumentException("classifier file '" + name + "' is not " + prefix + BundleFiles.TREES + " or "
                    + prefix + BundleFiles.LINEAR);
        }
    }

    public OutcomeDirection outcomeDirection() {
        return OutcomeDirection.parse(outcome);
    }

    public UpliftStrategy parsedStrategy() {
        return UpliftStrategy.of(strategy);
    }
}
