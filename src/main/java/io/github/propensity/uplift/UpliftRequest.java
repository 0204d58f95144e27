// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.training.LabelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to fit an uplift model from: the campaign's name (where the model is stored and what its columns are called),
 * the results file, which column says who was treated, and the outcome.
 *
 * @param idColumn        customer id column, never a feature; null when the file has none
 * @param holdoutFraction share of rows kept aside to test the final model, 0 to 0.5
 * @param groupMargin     the uplift a customer must exceed to count as persuadable (or fall below, negated, as a
 *                        sleeping dog); see {@link io.github.propensity.model.UpliftGroups}
 * @param direction       whether the label is the response the campaign seeks or one it should prevent (churn)
 */
public record UpliftRequest(String campaign, Path dataFile, Character separator, Arms arms, LabelSpec label, String idColumn,
                            List<String> dropColumns, double holdoutFraction, double groupMargin, OutcomeDirection direction,
                            long seed, int threads) {
    public UpliftRequest {
        CampaignName.check(campaign);
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(direction, "direction");
        dropColumns = List.copyOf(dropColumns);
        if (!(holdoutFraction >= 0 && holdoutFraction <= 0.5)) {
            throw new UpliftInputException("--holdout", "must be between 0 and 0.5, got " + holdoutFraction);
        }
        if (!(groupMargin >= 0 && groupMargin < 0.5)) {
            throw new UpliftInputException("--group-margin", "must be at least 0 and below 0.5, got " + groupMargin);
        }
        if (threads < 1) {
            throw new UpliftInputException("--threads", "must be at least 1, got " + threads);
        }
        if (arms.column().equals(label.column())) {
            throw new UpliftInputException("--treatment", "names the label column '" + label.column() + "'");
        }
        if (arms.column().equals(idColumn)) {
            throw new UpliftInputException("--treatment", "names the id column '" + idColumn + "'");
        }
    }

    /**
     * Which column holds the arm and which two of its values are compared; rows of any other arm are left out.
     */
    public record Arms(String column, String treated, String control) {
        public Arms {
            if (column == null || column.isBlank()) {
                throw new UpliftInputException("--treatment", "must name a column");
            }
            if (treated == null || treated.isBlank()) {
                throw new UpliftInputException("--treated", "must not be empty");
            }
            if (control == null || control.isBlank()) {
                throw new UpliftInputException("--control", "must not be empty");
            }
            treated = treated.strip();
            control = control.strip();
            if (treated.equals(control)) {
                throw new UpliftInputException("--treated", "and --control are the same value '" + treated + "'");
            }
        }
    }
}
