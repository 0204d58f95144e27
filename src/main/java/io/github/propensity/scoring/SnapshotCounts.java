// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code segments.json}: customers per segment, per band of each task (and of value), per uplift group and per
 * persona. Made from the CLI's tally or from a Spark job's aggregates, and written the same way by
 * {@link SnapshotReports}.
 *
 * @param segments     customers per segment, in the policy's order, zeros included
 * @param bands        per task id (and {@code value} when the base was value-banded): customers per band label
 * @param upliftGroups per campaign: customers per group; empty when the run scored no campaign (then left out of the file)
 * @param personas     id, name and customers of each persona; empty when the run assigned none (then left out)
 */
public record SnapshotCounts(long customers, Map<String, Long> segments, Map<String, Map<String, Long>> bands,
                             Map<String, Map<String, Long>> upliftGroups, List<Map<String, Object>> personas) {
    /** The key of customers per value band in {@link #bands}, beside the task ids. */
    public static final String VALUE_BANDS = "value";

    public SnapshotCounts {
        if (customers < 0) {
            throw new IllegalArgumentException("customers cannot be negative");
        }
        segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        bands = Collections.unmodifiableMap(new LinkedHashMap<>(bands));
        upliftGroups = Collections.unmodifiableMap(new LinkedHashMap<>(upliftGroups));
        personas = List.copyOf(Objects.requireNonNull(personas, "personas"));
    }

    /** A run without campaigns or personas. */
    public SnapshotCounts(long customers, Map<String, Long> segments, Map<String, Map<String, Long>> bands) {
        this(customers, segments, bands, Map.of(), List.of());
    }

    /** The object written as {@code segments.json}; the optional parts only when present, so older layouts stay. */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", customers);
        json.put("segments", segments);
        json.put("bands", bands);
        if (!upliftGroups.isEmpty()) {
            json.put("uplift_groups", upliftGroups);
        }
        if (!personas.isEmpty()) {
            json.put("personas", personas);
        }
        return json;
    }
}
