// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.model.BundleFiles;
import io.github.propensity.model.CardSummary;
import io.github.propensity.model.Task;
import io.github.propensity.storage.JsonMappers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The figures a model card promised, from the split {@link CardSummary} picks (the holdout, or out-of-fold
 * predictions when the model kept none). NaN for a figure the card lacks.
 *
 * @param split the card's split the figures come from: {@code test} or {@code cross_validated}
 */
public record CardFigures(String split, long rows, double baseRate, double auc, double prAuc, double brier, double ece) {
    public CardFigures {
        Objects.requireNonNull(split, "split");
    }

    /** The card's figures, or why there are none. */
    sealed interface Reading {
        record Found(CardFigures figures) implements Reading {
        }

        record Missing(String problem) implements Reading {
        }
    }

    /** Reads {@code <models>/<task>/<version>/card.json}; a card that is gone or damaged is a reading, not a failure. */
    static Reading read(Path models, Task task, String version) {
        Path file = models.resolve(task.id()).resolve(version).resolve(BundleFiles.CARD_JSON);
        if (version.isEmpty()) {
            return new Reading.Missing("the snapshot's manifest names no " + task + " model version");
        }
        JsonNode card;
        try {
            card = JsonMappers.standard().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Reading.Missing("the card of " + task + " model " + version + " is gone (no " + file + ")");
        } catch (JacksonException e) {
            return new Reading.Missing(file + " is damaged: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Reading.Missing("cannot read " + file + ": " + e.getMessage());
        }
        CardSummary summary = CardSummary.of(card);
        if (summary.aucSplit() == CardSummary.AucSplit.NONE) {
            return new Reading.Missing(file + " has no test or cross-validated metrics");
        }
        JsonNode figures = card.path("metrics").path(summary.aucSplit().label()).path("summary");
        return new Reading.Found(new CardFigures(summary.aucSplit().label(), figures.path("rows").asLong(0),
                number(figures, "base_rate"), summary.auc(), number(figures, "pr_auc"), number(figures, "brier"), number(figures, "ece")));
    }

    private static double number(JsonNode figures, String name) {
        return figures.path(name).isNumber() ? figures.path(name).asDouble() : Double.NaN;
    }
}
