// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.model.PropensityModel;
import io.github.propensity.model.ReferenceProfile;
import io.github.propensity.training.calibration.CalibrationChoice;

import java.util.List;
import java.util.Objects;

/**
 * What a training run produced: the calibrated model and the evidence for the model card.
 *
 * @param candidates      every candidate tried, with validation numbers
 * @param chosen          the candidate selected by validation log loss
 * @param crossValidated  out-of-fold metrics of the chosen candidate's uncalibrated probabilities
 * @param test            holdout metrics of the final calibrated model, null when no holdout was kept
 * @param referenceProbabilities calibrated out-of-fold probabilities of the training rows, sorted: the reference
 *                               population for percentiles and score drift
 * @param profile                the training rows' distribution of every input column, for feature drift
 */
public record TrainingOutcome(TrainingRequest request, String dataSha256, int dataRows, int labelledRows,
                              int trainingRows, int trainingPositives, int holdoutRows,
                              List<ColumnDecision> columns, PropensityModel model,
                              List<CandidateResult> candidates, CandidateResult chosen, CalibrationChoice calibration,
                              EvaluationReport crossValidated, EvaluationReport test,
                              List<FeatureImportance> importance, double[] referenceProbabilities, ReferenceProfile profile,
                              double trainingSeconds) {
    public TrainingOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(crossValidated, "crossValidated");
        Objects.requireNonNull(profile, "profile");
        columns = List.copyOf(columns);
        candidates = List.copyOf(candidates);
        importance = List.copyOf(importance);
        referenceProbabilities = referenceProbabilities.clone();
    }
}
