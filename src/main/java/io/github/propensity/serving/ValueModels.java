// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.scoring.ValueBandCutoffs;
import io.github.propensity.value.ValueBundle;
import io.github.propensity.value.ValueColumns;
import io.github.propensity.value.ValueReference;
import io.github.propensity.value.ValueStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer value the server can show: the current value model (its card and the reference its bands are cut
 * from) and the value bands each snapshot was scored with. The value model is read from the store on request rather
 * than kept loaded: nothing is scored with it here, and a value bundle is a few kilobytes.
 */
public final class ValueModels {
    private final ValueStore store;
    private final SnapshotHistory history;

    public ValueModels(Path models, SnapshotHistory history) {
        this.store = new ValueStore(models);
        this.history = history;
    }

    /**
     * The current value model as {@code GET /v1/value} shows it.
     *
     * @param clvColumn      the CLV column a base needs for this model to band it ({@code clv_<horizon>d})
     * @param card           the card as the fit published it
     * @param clvPercentiles the reference CLVs at percentiles 0, 1, ..., 100 that value bands are cut from
     */
    public record CurrentValueModel(String version, Instant createdAt, int horizonDays, String clvColumn, JsonNode card,
                                    List<Double> clvPercentiles) {
        public CurrentValueModel {
            Objects.requireNonNull(version, "version");
            clvPercentiles = List.copyOf(clvPercentiles);
        }
    }

    /**
     * A snapshot's value bands, from its manifest and segment counts. Unbanded (a base without a CLV column, or no
     * value model of its horizon) is a state of the snapshot, not an error: then {@code customers} is empty and
     * {@code unbandedReason} says why.
     *
     * @param clvColumn           the base's CLV column; null when the base had none
     * @param valueModel          the value model whose reference cut the bands; null when unbanded
     * @param valueBandCutoffs    reference percentiles where medium and high value start; null when unbanded
     * @param clvThresholds       the CLVs those percentiles are; null when unbanded
     * @param customers           scored customers per value band, low to high
     * @param customersWithoutClv scored customers whose CLV cell was empty or not a number
     */
    public record SnapshotValueBands(String snapshot, String clvColumn, String valueModel, ValueBandCutoffs valueBandCutoffs,
                                     BandCutoffs.Thresholds clvThresholds, Map<String, Long> customers, long customersWithoutClv,
                                     String unbandedReason) {
        public SnapshotValueBands {
            Objects.requireNonNull(snapshot, "snapshot");
            customers = Collections.unmodifiableMap(new LinkedHashMap<>(customers));
        }
    }

    /** The current value model's version, from its pointer alone: naming it never fails on a damaged bundle. */
    public Optional<String> currentVersion() {
        return store.currentVersion();
    }

    /**
     * The current value model, empty when none was ever published.
     *
     * @throws io.github.propensity.storage.BundleException when the current bundle is damaged
     */
    public Optional<CurrentValueModel> current() {
        return store.current().map(ValueModels::view);
    }

    /** The current value model; 404 when there is none. */
    public CurrentValueModel require() {
        return current().orElseThrow(() -> new NotFoundException(
                "no value model is published; fit one with: propensity value fit --transactions FILE ... --calibration-end DATE"));
    }

    /** The value bands of a listed snapshot; 404 for an unknown id. */
    public SnapshotValueBands bands(String snapshot) {
        Path folder = history.folder(snapshot);
        JsonNode value = history.read(folder.resolve(SnapshotManifest.FILE)).path("value");
        if (value.isMissingNode() || value.isNull()) {
            return new SnapshotValueBands(snapshot, null, null, null, null, Map.of(), 0,
                    "the base of this snapshot had no clv_<days>d column");
        }
        String unbanded = value.hasNonNull("unbanded_reason") ? value.get("unbanded_reason").asText() : null;
        Map<String, Long> customers = new LinkedHashMap<>();
        if (unbanded == null) {
            history.read(folder.resolve("segments.json")).path("bands").path("value").fields()
                    .forEachRemaining(band -> customers.put(band.getKey(), band.getValue().asLong()));
        }
        return new SnapshotValueBands(snapshot, value.path("clv_column").asText(null), text(value, "value_model"),
                unbanded == null ? new ValueBandCutoffs(value.path("value_band_cutoffs").path("medium_percentile").asInt(),
                        value.path("value_band_cutoffs").path("high_percentile").asInt()) : null,
                unbanded == null ? new BandCutoffs.Thresholds(value.path("clv_thresholds").path("medium").asDouble(),
                        value.path("clv_thresholds").path("high").asDouble()) : null,
                customers, value.path("customers_without_clv").asLong(), unbanded);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static CurrentValueModel view(ValueBundle bundle) {
        ValueReference reference = bundle.reference();
        List<Double> percentiles = new ArrayList<>(ValueReference.POINTS);
        for (int p = 0; p < ValueReference.POINTS; p++) {
            percentiles.add(reference.clvAt(p));
        }
        int horizon = bundle.file().settings().horizonDays();
        return new CurrentValueModel(bundle.version(), bundle.createdAt(), horizon, ValueColumns.clv(horizon), bundle.card(), percentiles);
    }
}
