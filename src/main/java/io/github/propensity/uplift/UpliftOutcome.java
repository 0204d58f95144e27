// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.model.UpliftModel;

import java.util.List;
import java.util.Objects;

/**
 * What {@link UpliftTrainer} learned and measured: the model, how it was chosen, and its figures on rows it did not
 * train on.
 *
 * @param holdout the final model on the held-out rows, null with no holdout
 */
public record UpliftOutcome(UpliftRequest request, Counts counts, List<ColumnDecision> columns, UpliftModel model,
                            Selection selection, UpliftEvaluation holdout, double seconds) {
    public UpliftOutcome {
        Objects.requireNonNull(model, "model");
        columns = List.copyOf(columns);
    }

    /**
     * @param fileRows   rows in the file
     * @param compared   rows of the treated arm or the control with an outcome
     * @param otherArms  rows of other arms, left out
     * @param unlabelled rows of the two arms without an outcome, left out
     */
    public record Counts(String fileSha256, int fileRows, int compared, int treated, int control, int otherArms, int unlabelled,
                         int trainingRows, int holdoutRows) {
    }

    /** Each candidate's Qini coefficient on rows it did not train on, the winner, and its own evaluation there. */
    public record Selection(String method, List<Score> scores, int chosen, UpliftEvaluation chosenOutOfSample) {
        public Selection {
            scores = List.copyOf(scores);
            if (chosen < 0 || chosen >= scores.size()) {
                throw new IllegalArgumentException("the chosen candidate must be one of the scores");
            }
        }

        public UpliftCandidate chosenCandidate() {
            return scores.get(chosen).candidate();
        }
    }

    public record Score(UpliftCandidate candidate, double qini, double upliftAt30, double seconds) {
    }
}
