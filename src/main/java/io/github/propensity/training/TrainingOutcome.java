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
 * @param rows       the data file's rows and how they were split
 * @param selection  every candidate tried and the one chosen
 * @param metrics    out-of-fold and holdout metrics
 * @param reference  what scores and features are later compared with
 */
public record TrainingOutcome(TrainingRequest request, RowCounts rows, List<ColumnDecision> columns, PropensityModel model,
                              Selection selection, CalibrationChoice calibration, Metrics metrics,
                              List<FeatureImportance> importance, Reference reference, double trainingSeconds) {
    public TrainingOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(reference, "reference");
        columns = List.copyOf(columns);
        importance = List.copyOf(importance);
    }

    /**
     * @param data     rows in the file
     * @param labelled rows with a label value: the training and holdout rows together
     */
    public record RowCounts(String dataSha256, int data, int labelled, int training, int trainingPositives, int holdout) {
        public RowCounts {
            Objects.requireNonNull(dataSha256, "dataSha256");
            if (training < 0 || holdout < 0 || trainingPositives < 0 || trainingPositives > training
                    || training + holdout != labelled || labelled > data) {
                throw new IllegalArgumentException("inconsistent row counts: " + data + " rows, " + labelled + " labelled, "
                        + training + " training (" + trainingPositives + " positive), " + holdout + " holdout");
            }
        }
    }

    /**
     * @param chosen the candidate with the lowest out-of-sample log loss, one of {@code candidates}
     * @param basis  what that log loss was measured on, in words for the card
     */
    public record Selection(List<CandidateResult> candidates, CandidateResult chosen, String basis) {
        public Selection {
            Objects.requireNonNull(basis, "basis");
            candidates = List.copyOf(candidates);
            if (!candidates.contains(chosen)) {
                throw new IllegalArgumentException("the chosen candidate is not among the candidates");
            }
        }
    }

    /**
     * @param crossValidated       out-of-sample metrics of the chosen candidate's uncalibrated probabilities on
     *                             training rows: out-of-fold when cross-fitted, the validation split's otherwise
     * @param crossValidatedSource how those were measured, in words for the card
     * @param test                 holdout metrics of the final calibrated model, null when no holdout was kept
     */
    public record Metrics(EvaluationReport crossValidated, String crossValidatedSource, EvaluationReport test) {
        public Metrics {
            Objects.requireNonNull(crossValidated, "crossValidated");
            Objects.requireNonNull(crossValidatedSource, "crossValidatedSource");
        }
    }

    /**
     * @param sortedProbabilities calibrated out-of-sample probabilities of training rows, sorted: the reference
     *                            population for percentiles and score drift
     * @param profile             the training rows' distribution of every input column, for feature drift
     */
    public record Reference(double[] sortedProbabilities, ReferenceProfile profile) {
        public Reference {
            Objects.requireNonNull(profile, "profile");
            sortedProbabilities = sortedProbabilities.clone();
            for (int i = 1; i < sortedProbabilities.length; i++) {
                if (sortedProbabilities[i] < sortedProbabilities[i - 1]) {
                    throw new IllegalArgumentException("reference probabilities must be sorted");
                }
            }
        }
    }
}
