// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.Persona;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The persona document ({@code card.json}; {@code card.md} renders it): how the model was fitted and, per persona,
 * who is in it and what sets it apart. Nullable figures are absent when they do not apply (a categorical column has
 * no median; propensities appear only when the models exist and the base has their columns).
 *
 * @param columns  every candidate column with its transform, its separation figure and whether it was kept
 * @param refit    how this fit relates to the model that was current before it; null for a first fit
 */
public record PersonaCard(String version, Instant createdAt, DataSource data, long seed, List<ColumnReport> columns,
                          String columnCriterion, KReport k, List<PersonaProfile> personas, Refit refit, List<String> notes) {
    public PersonaCard {
        Objects.requireNonNull(data, "data");
        columns = List.copyOf(columns);
        personas = List.copyOf(personas);
        notes = List.copyOf(notes);
    }

    PersonaCard withVersion(String newVersion, Instant newCreatedAt) {
        return new PersonaCard(newVersion, newCreatedAt, data, seed, columns, columnCriterion, k, personas, refit, notes);
    }

    /** @param sampleRows rows the model was fitted and profiled on (all of them when the base is small enough) */
    public record DataSource(String file, String sha256, long rows, int sampleRows) {
    }

    /**
     * @param transform  {@code log1p, winsorized 1-99%, standardized}, {@code one-hot, block weight 1}, ...
     * @param separation η² of the column across clusters found on the other columns; null when not screened
     * @param decision   {@code kept}, or why it was left out
     */
    public record ColumnReport(String name, String kind, String transform, Double separation, String decision) {
    }

    public record KReport(String requested, int chosen, String reason, List<KSelection.Candidate> candidates) {
        public KReport {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * @param size              customers in the base estimated to belong to it (share times the base's rows)
     * @param meanProbabilities task to mean calibrated probability, for the propensity models that could score the base
     * @param meanValue         mean of the base's CLV column, when it has one
     */
    public record PersonaProfile(int id, String name, String description, Persona.NameSource nameSource, long size, double share,
                                 List<Distinction> distinguishing, List<FeatureProfile> features,
                                 Map<String, Double> meanProbabilities, Double meanValue) {
        public PersonaProfile {
            distinguishing = List.copyOf(distinguishing);
            features = List.copyOf(features);
            meanProbabilities = Map.copyOf(meanProbabilities);
        }
    }

    /**
     * @param standardizedDifference the persona's mean minus the base's, in base standard deviations of the
     *                               transformed (log1p, winsorized) feature
     * @param direction              {@code higher} or {@code lower} than the base
     */
    public record Distinction(String feature, double standardizedDifference, String direction) {
    }

    /**
     * A column's figures in the persona and in the whole base: median and mean for a number; for a category or a
     * flag, the level most common in the persona and its share in both.
     */
    public record FeatureProfile(String column, String kind, Double median, Double mean, Double baseMedian, Double baseMean,
                                 String level, Double share, Double baseShare) {
    }

    /**
     * @param agreement adjusted Rand index of the previous and the new model's assignments of the same customers
     */
    public record Refit(String previousVersion, double agreement, List<Match> kept, List<Integer> appeared,
                       List<Integer> vanished, List<Merge> merged) {
        public Refit {
            kept = List.copyOf(kept);
            appeared = List.copyOf(appeared);
            vanished = List.copyOf(vanished);
            merged = List.copyOf(merged);
        }
    }

    /** @param distance between the previous centroid and the new persona's mean, in the previous model's space */
    public record Match(int id, double distance) {
    }

    /** A previous persona whose customers now sit mostly in persona {@code into}. */
    public record Merge(int id, int into, double share) {
    }
}
