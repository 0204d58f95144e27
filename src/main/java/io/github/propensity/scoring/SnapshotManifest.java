// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest.json}: what a snapshot was made from and with, and what could not be scored. The groups are
 * unwrapped, so the file stays one flat object (the layout readers and older snapshots share).
 *
 * @param snapshot the snapshot's name, or null for a run that wrote only a scores file
 * @param previousSnapshotCustomers customers in the snapshot migration was measured against, or null when none
 * @param value     the customer value the base carried and how it was banded; null (and left out of the file) when
 *                  the base had no CLV column, so such snapshots keep the manifest they always had
 * @param uplift    each scored campaign's uplift model; null (left out) when the run had no uplift model at all
 * @param upliftSkipped campaigns found in the store but not scored, with why; null (left out) when none was skipped
 * @param personas  the persona model the run assigned with, or why a current one was skipped; null (left out) when
 *                  the run had no persona model
 */
public record SnapshotManifest(String snapshot, @JsonUnwrapped Timing timing, @JsonUnwrapped Input input,
                               @JsonUnwrapped Rejected rejected, Map<String, ModelUsed> models, String scoresFile,
                               BandCutoffs bandCutoffs, List<String> segments, Integer previousSnapshotCustomers,
                               @JsonInclude(JsonInclude.Include.NON_NULL) ValueUsed value,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, CampaignUsed> uplift,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> upliftSkipped,
                               @JsonInclude(JsonInclude.Include.NON_NULL) PersonasUsed personas) {
    /** The manifest's file name in a snapshot folder. */
    public static final String FILE = "manifest.json";
    /** The manifest field naming the scores file's id column. */
    public static final String ID_COLUMN = "id_column";
    /** What snapshots made before manifests named their id column always called it. */
    private static final String LEGACY_ID_COLUMN = "customer_id";

    /** The id column of the snapshot whose manifest this is: the one it names, or {@code customer_id} for the oldest. */
    public static String idColumnOf(JsonNode manifest) {
        return manifest.path(ID_COLUMN).asText(LEGACY_ID_COLUMN);
    }

    /**
     * The persona model as the run used it.
     *
     * @param version  the persona model version; null when the model was skipped
     * @param personas how many personas it has
     * @param skipped  why the current model was not used; null when it was
     */
    public record PersonasUsed(@JsonInclude(JsonInclude.Include.NON_NULL) String version, int personas,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String skipped) {
    }

    public SnapshotManifest {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(rejected, "rejected");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        segments = List.copyOf(segments);
        uplift = uplift == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(uplift));
        upliftSkipped = upliftSkipped == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(upliftSkipped));
    }

    /**
     * A campaign's uplift model as the run used it.
     *
     * @param groupMargin the uplift beyond which a customer is persuadable (or, below its negative, a sleeping dog)
     * @param controlRate the control arm's response rate that splits sure things from lost causes
     * @param outcome     {@code wanted} or {@code unwanted}: whether the groups read uplift as a gain or as a loss
     */
    public record CampaignUsed(String version, String strategy, double groupMargin, double controlRate, String outcome) {
    }

    /** When the run started and ended, and how fast it read. */
    public record Timing(Instant startedAt, Instant finishedAt, double seconds, double rowsPerSecond) {
    }

    /**
     * The customer base that was scored.
     *
     * @param idColumn the input's customer id column, which the scores file's first column is named after
     * @param rows     records read; {@code scored} of them are in the scores file
     */
    public record Input(String inputFile, String inputSha256, String idColumn, long rows, long scored) {
    }

    /**
     * The rows that were not scored.
     *
     * @param count       all of them, repeated ids included
     * @param maxShare    the share of rows allowed to be bad (--max-bad-rows)
     * @param examples    the first ones, by line
     * @param repeatedIds rows dropped because they repeat the id of an earlier row
     */
    public record Rejected(@JsonProperty("bad_rows") long count, @JsonProperty("max_bad_row_share") double maxShare,
                           @JsonProperty("bad_row_examples") List<BadRow> examples,
                           @JsonProperty("duplicate_ids") long repeatedIds) {
        public Rejected {
            examples = List.copyOf(examples);
        }
    }

    /**
     * The value columns of the base and their bands.
     *
     * @param clvColumn              the base's CLV column, written to the scores file as {@code clv}
     * @param pAlive                 whether the base had {@code p_alive} (copied as it is)
     * @param valueModel             the value model whose reference banded the CLVs; null when none could
     * @param valueBandCutoffs       the percentiles of that reference where medium and high value start
     * @param clvThresholds          the CLVs those percentiles are; null without a value model
     * @param unbandedReason         why there are no value bands; null when there are
     * @param customersWithoutClv    scored customers whose CLV cell was empty or not a number (no value band)
     * @param segmentsUseValueBands  whether the segment rules were applied with value bands (the built-in
     *                               at-risk-high-value then means churn high and value high)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueUsed(String clvColumn, boolean pAlive, String valueModel, ValueBandCutoffs valueBandCutoffs,
                            BandCutoffs.Thresholds clvThresholds, String unbandedReason, long customersWithoutClv,
                            boolean segmentsUseValueBands) {
    }

    /** @param thresholds the probabilities the band cut-offs mean for this model */
    public record ModelUsed(String version, BandCutoffs.Thresholds thresholds) {
    }
}
