// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.UpliftGroup;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects batch results in input order: writes their text, keeps each scored row's probabilities, bands and
 * segment (a few bytes per row), drops rows that repeat an id already scored, and sums drift counts, segment
 * counts and bad rows.
 */
final class ScoringTally {
    private final List<PreparedModel> models;
    private final List<DriftBinning> binnings;
    private final SegmentPolicy policy;
    private float[][] probabilities;
    private byte[][] bands;
    private byte[] segments;
    private int scored;
    private final DriftCounts drift;
    private long badRows;
    private long repeatedIds;
    private final List<BadRow> badRowExamples = new ArrayList<>();
    private final Optional<ValueInput> value;
    /** Scored customers per {@link ValueInput} value code. */
    private final long[] valueCodes = new long[ValueInput.CODES];

    private final List<PreparedUplift> uplifts;
    /** [campaign slot][group ordinal] scored customers. */
    private final long[][] groupCounts;
    private final Optional<PreparedPersona> persona;
    /** [scored row] persona slot, for migration; empty when the run assigns no persona. */
    private byte[] personas;
    /** [persona slot] scored customers. */
    private final long[] personaCounts;

    ScoringTally(List<PreparedModel> models, List<PreparedUplift> uplifts, List<DriftBinning> binnings, SegmentPolicy policy,
                 Optional<ValueInput> value, Optional<PreparedPersona> persona) {
        this.persona = persona;
        this.personaCounts = new long[persona.map(p -> p.model().personas().size()).orElse(0)];
        this.models = models;
        this.uplifts = List.copyOf(uplifts);
        this.groupCounts = new long[uplifts.size()][UpliftGroup.values().length];
        this.value = value;
        this.binnings = binnings;
        this.policy = policy;
        int initial = 1 << 16;
        probabilities = new float[models.size()][initial];
        bands = new byte[models.size()][initial];
        segments = new byte[initial];
        personas = new byte[persona.isPresent() ? initial : 0];
        drift = new DriftCounts(binnings);
    }

    /**
     * Adds the next batch in input order. A row whose id was already scored on an earlier line is a bad row: the
     * first occurrence is kept, so percentiles, segment counts and migration count each customer once.
     */
    void add(BatchResult result, FirstOccurrences firstLines, Writer out) throws IOException {
        List<BadRow> repeats = new ArrayList<>();
        boolean[] repeated = new boolean[result.scored()];
        for (int row = 0; row < result.scored(); row++) {
            long first = firstLines.putIfAbsent(result.idHashes(), 2 * row, result.lines()[row]);
            if (first != 0) {
                repeated[row] = true;
                repeats.add(new BadRow(result.lines()[row], null, "repeats the id of line " + first));
            }
        }
        if (repeats.isEmpty()) {
            out.write(result.text());
        } else {
            for (int row = 0; row < result.scored(); row++) {
                if (!repeated[row]) {
                    int start = row == 0 ? 0 : result.rowEnds()[row - 1];
                    out.write(result.text(), start, result.rowEnds()[row] - start);
                }
            }
        }
        int kept = result.scored() - repeats.size();
        ensureCapacity(scored + kept);
        for (int t = 0; t < models.size(); t++) {
            copyKept(result.probabilities()[t], probabilities[t], repeated);
            copyKept(result.bands()[t], bands[t], repeated);
        }
        drift.add(result);
        copyKept(result.segments(), segments, repeated);
        if (persona.isPresent()) {
            copyKept(result.personas(), personas, repeated);
            for (int row = 0; row < result.scored(); row++) {
                if (!repeated[row]) {
                    personaCounts[result.personas()[row]]++;
                }
            }
        }
        for (int k = 0; k < uplifts.size(); k++) {
            byte[] groups = result.upliftGroups()[k];
            for (int row = 0; row < result.scored(); row++) {
                if (!repeated[row]) {
                    groupCounts[k][groups[row]]++;
                }
            }
        }
        for (int row = 0; row < result.valueCodes().length && row < result.scored(); row++) {
            if (!repeated[row]) {
                valueCodes[result.valueCodes()[row]]++;
            }
        }
        scored += kept;
        repeatedIds += repeats.size();
        List<BadRow> bad = new ArrayList<>(result.badRows());
        bad.addAll(repeats);
        bad.sort(Comparator.comparingLong(BadRow::line));
        badRows += bad.size();
        for (BadRow row : bad) {
            if (badRowExamples.size() < RescoreJob.BAD_ROW_EXAMPLES) {
                badRowExamples.add(row);
            }
        }
    }

    private void copyKept(float[] from, float[] to, boolean[] repeated) {
        int at = scored;
        for (int row = 0; row < repeated.length; row++) {
            if (!repeated[row]) {
                to[at++] = from[row];
            }
        }
    }

    private void copyKept(byte[] from, byte[] to, boolean[] repeated) {
        int at = scored;
        for (int row = 0; row < repeated.length; row++) {
            if (!repeated[row]) {
                to[at++] = from[row];
            }
        }
    }

    int scored() {
        return scored;
    }

    long badRows() {
        return badRows;
    }

    /** Rows dropped because their id was scored on an earlier line (counted in {@link #badRows()} too). */
    long repeatedIds() {
        return repeatedIds;
    }

    List<BadRow> badRowExamples() {
        return List.copyOf(badRowExamples);
    }

    float probability(int taskSlot, int row) {
        return probabilities[taskSlot][row];
    }

    /** Probabilities of one task for all scored rows, sorted (for percentiles within this base). */
    float[] sortedProbabilities(int taskSlot) {
        float[] sorted = Arrays.copyOf(probabilities[taskSlot], scored);
        Arrays.sort(sorted);
        return sorted;
    }

    int segment(int row) {
        return segments[row] & 0xff;
    }

    /** The persona slot of a scored row, -1 when the run assigns no persona. */
    int persona(int row) {
        return persona.isPresent() ? personas[row] : -1;
    }

    /** Customers per persona, in the model's persona order; empty when the run assigns none. */
    List<Map<String, Object>> personaCounts() {
        List<Map<String, Object>> counts = new ArrayList<>();
        for (int p = 0; p < personaCounts.length; p++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", persona.get().model().personas().get(p).id());
            entry.put("name", persona.get().model().personas().get(p).name());
            entry.put("customers", personaCounts[p]);
            counts.add(entry);
        }
        return counts;
    }

    void bands(int row, byte[] into) {
        for (int t = 0; t < models.size(); t++) {
            into[t] = bands[t][row];
        }
    }

    /** Customers per segment, band, uplift group and persona: what {@code segments.json} holds. */
    SnapshotCounts counts() {
        return new SnapshotCounts(scored, segmentCounts(), bandCounts(), upliftGroupCounts(), personaCounts());
    }

    Map<String, Long> segmentCounts() {
        long[] counts = new long[policy.rules().size()];
        for (int row = 0; row < scored; row++) {
            counts[segments[row] & 0xff]++;
        }
        Map<String, Long> named = new LinkedHashMap<>();
        for (int s = 0; s < counts.length; s++) {
            named.put(policy.rules().get(s).name(), counts[s]);
        }
        return named;
    }

    /** Customers per band, per task. */
    Map<String, Map<String, Long>> bandCounts() {
        Map<String, Map<String, Long>> byTask = new LinkedHashMap<>();
        for (int t = 0; t < models.size(); t++) {
            long[] counts = new long[Band.values().length];
            for (int row = 0; row < scored; row++) {
                counts[bands[t][row]]++;
            }
            Map<String, Long> named = new LinkedHashMap<>();
            for (Band band : Band.values()) {
                named.put(band.label(), counts[band.ordinal()]);
            }
            byTask.put(models.get(t).task().id(), named);
        }
        if (value.isPresent() && value.get().banded()) {
            Map<String, Long> named = new LinkedHashMap<>();
            for (Band band : Band.values()) {
                named.put(band.label(), valueCodes[band.ordinal()]);
            }
            byTask.put(SnapshotCounts.VALUE_BANDS, named);
        }
        return byTask;
    }

    /** Customers per uplift group, per scored campaign (empty when the run scores none). */
    Map<String, Map<String, Long>> upliftGroupCounts() {
        Map<String, Map<String, Long>> byCampaign = new LinkedHashMap<>();
        for (int k = 0; k < uplifts.size(); k++) {
            Map<String, Long> named = new LinkedHashMap<>();
            for (UpliftGroup group : UpliftGroup.values()) {
                named.put(group.label(), groupCounts[k][group.ordinal()]);
            }
            byCampaign.put(uplifts.get(k).campaign(), named);
        }
        return byCampaign;
    }

    /** Scored customers whose CLV cell was empty or held no number (so they have no value band). */
    long withoutClv() {
        return valueCodes[ValueInput.WITHOUT_CLV];
    }

    DriftReport drift() {
        return drift.report(models, binnings);
    }

    /** Makes room for {@code expected} scored rows at once, so the arrays are not doubled (old and new held) later. */
    void reserve(long expected) {
        ensureCapacity((int) Math.min(expected, Integer.MAX_VALUE - 8));
    }

    private void ensureCapacity(int needed) {
        if (needed <= segments.length) {
            return;
        }
        int capacity = Math.max(needed, segments.length * 2);
        for (int t = 0; t < models.size(); t++) {
            probabilities[t] = Arrays.copyOf(probabilities[t], capacity);
            bands[t] = Arrays.copyOf(bands[t], capacity);
        }
        segments = Arrays.copyOf(segments, capacity);
        if (persona.isPresent()) {
            personas = Arrays.copyOf(personas, capacity);
        }
    }
}
