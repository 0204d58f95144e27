// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Objects;

/**
 * The headline of a model card, read from {@code card.json} in this one place for {@code models list} and
 * {@code GET /v1/models}: the model family, its AUC, the split that AUC was measured on, and the training file.
 * A model trained without a holdout has no test metrics; its cross-validated AUC stands in and says so.
 */
public record CardSummary(String family, double auc, AucSplit aucSplit, String dataFile) {
    public CardSummary {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(aucSplit, "aucSplit");
        Objects.requireNonNull(dataFile, "dataFile");
    }

    /** Which rows the AUC was measured on. */
    public enum AucSplit {
        /** the holdout, rows the model never saw */
        TEST,
        /** out-of-fold predictions on the training rows (no holdout was kept) */
        CROSS_VALIDATED,
        /** the card holds neither */
        NONE;

        /** The name in JSON: {@code test}, {@code cross_validated} or {@code none}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a bundle that cannot be read shows. */
    public static CardSummary unreadable() {
        return new CardSummary("", Double.NaN, AucSplit.NONE, "");
    }

    public static CardSummary of(JsonNode card) {
        JsonNode metrics = card.path("metrics");
        JsonNode test = metrics.path("test").path("summary");
        JsonNode crossValidated = metrics.path("cross_validated").path("summary");
        AucSplit split = !test.isMissingNode() ? AucSplit.TEST
                : !crossValidated.isMissingNode() ? AucSplit.CROSS_VALIDATED : AucSplit.NONE;
        double auc = switch (split) {
            case TEST -> test.path("auc").asDouble(Double.NaN);
            case CROSS_VALIDATED -> crossValidated.path("auc").asDouble(Double.NaN);
            case NONE -> Double.NaN;
        };
        return new CardSummary(card.path("model").path("family").asText(""), auc, split, card.path("data").path("file").asText(""));
    }

    /** The AUC on the holdout, NaN when the card has none. */
    public double testAuc() {
        return aucSplit == AucSplit.TEST ? auc : Double.NaN;
    }
}
