// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The persona card as the document a marketer hands around: one section per persona, then how it was fitted. */
public final class PersonaCardMarkdown {
    private PersonaCardMarkdown() {
    }

    public static String render(PersonaCard card) {
        StringBuilder md = new StringBuilder();
        md.append("# Customer personas ").append(card.version()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d personas of %,d customers in `%s` (created %s, seed %d).%n%n", card.personas().size(),
                card.data().rows(), card.data().file(), card.createdAt(), card.seed()));
        md.append("| id | persona | share | customers |");
        boolean anyOutcome = card.personas().stream().anyMatch(p -> !p.meanProbabilities().isEmpty() || p.meanValue() != null);
        md.append(anyOutcome ? " outcomes |\n|---|---|---|---|---|\n" : "\n|---|---|---|---|\n");
        for (PersonaCard.PersonaProfile persona : card.personas()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.1f %% | %,d |", persona.id(), escape(persona.name()),
                    100 * persona.share(), persona.size()));
            if (anyOutcome) {
                md.append(' ').append(outcomes(persona)).append(" |");
            }
            md.append('\n');
        }
        for (PersonaCard.PersonaProfile persona : card.personas()) {
            md.append("\n## ").append(persona.id()).append(". ").append(persona.name()).append("\n\n");
            if (!persona.description().isEmpty()) {
                md.append(persona.description()).append("\n\n");
            }
            md.append(String.format(Locale.ROOT, "%.1f %% of customers (about %,d).", 100 * persona.share(), persona.size()));
            if (!outcomes(persona).isEmpty()) {
                md.append(' ').append(outcomes(persona)).append('.');
            }
            md.append("\n\nWhat sets it apart (standardized difference from the whole base):\n\n");
            for (PersonaCard.Distinction distinction : persona.distinguishing()) {
                md.append(String.format(Locale.ROOT, "- %s: %s (%+.2f sd)%n", distinction.feature(), distinction.direction(),
                        distinction.standardizedDifference()));
            }
            md.append("\n| feature | persona | whole base |\n|---|---|---|\n");
            for (PersonaCard.FeatureProfile feature : persona.features()) {
                if (feature.level() != null) {
                    md.append(String.format(Locale.ROOT, "| %s | %s %.0f %% | %.0f %% |%n", feature.column(), escape(feature.level()),
                            100 * feature.share(), 100 * feature.baseShare()));
                } else if (feature.median() != null) {
                    md.append(String.format(Locale.ROOT, "| %s | median %s, mean %s | median %s, mean %s |%n", feature.column(),
                            number(feature.median()), number(feature.mean()), number(feature.baseMedian()), number(feature.baseMean())));
                }
            }
        }
        md.append("\n## How these personas were made\n\n");
        md.append("Number of personas: ").append(card.k().reason()).append(".\n\n| k | silhouette | stability (ARI) |\n|---|---|---|\n");
        for (KSelection.Candidate candidate : card.k().candidates()) {
            md.append(String.format(Locale.ROOT, "| %d%s | %.3f | %.3f |%n", candidate.k(), candidate.k() == card.k().chosen() ? " (chosen)" : "",
                    candidate.silhouette(), candidate.stability()));
        }
        md.append("\nColumns: ").append(card.columnCriterion()).append(".\n\n| column | kind | transform | separation (eta²) | decision |\n|---|---|---|---|---|\n");
        for (PersonaCard.ColumnReport column : card.columns()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", column.name(), column.kind(), column.transform(),
                    column.separation() == null ? "" : String.format(Locale.ROOT, "%.3f", column.separation()), escape(column.decision())));
        }
        if (card.refit() != null) {
            PersonaCard.Refit refit = card.refit();
            md.append(String.format(Locale.ROOT, "%nRefit of %s: agreement with its assignment of the same customers (adjusted Rand index) %.3f;"
                    + " kept %s, appeared %s, vanished %s", refit.previousVersion(), refit.agreement(),
                    refit.kept().stream().map(PersonaCard.Match::id).toList(), refit.appeared(), refit.vanished()));
            refit.merged().forEach(m -> md.append(String.format(Locale.ROOT, ", %d merged into %d", m.id(), m.into())));
            md.append(".\n");
        }
        if (!card.notes().isEmpty()) {
            md.append("\nNotes:\n\n");
            card.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static String outcomes(PersonaCard.PersonaProfile persona) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> probability : new TreeMap<>(persona.meanProbabilities()).entrySet()) {
            text.append(text.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.1f %%", probability.getKey(), 100 * probability.getValue()));
        }
        if (persona.meanValue() != null) {
            text.append(text.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "mean value %.2f", persona.meanValue()));
        }
        return text.toString();
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
