// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.RecordSource;
import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Segment, band and persona migration between the previous snapshot and this run: from-to counts of customers, with
 * {@code (new)} for customers not in the previous snapshot and {@code (gone)} for those no longer in the base.
 * The previous snapshot is held as id hashes with a packed code (segment, bands, persona, seen-flag) per customer.
 * The persona dimension is written only when both snapshots carry personas, labelled by persona id (ids are kept
 * across refits, so the same id is the same persona).
 */
final class Migration {
    static final String NEW = MigrationCounts.NEW;
    static final String GONE = MigrationCounts.GONE;
    private static final int SEEN = 1 << 30;
    private static final int NO_BAND = 3;
    static final String PERSONA_COLUMN = "persona";
    /** Bits 16-23 of a code hold the previous persona's label index + 1; 0 when the customer had none. */
    private static final int PERSONA_SHIFT = 16;
    private static final int MAX_PERSONA_LABELS = 255;

    private final List<Task> tasks;
    private final List<String> previousSegments;
    private final List<String> segments;
    private final LongIntMap previous;
    /** The band dimension of each task slot ({@code churn_band}, ...). */
    private final String[] bandDimensions;
    /**
     * [previous segment, or (new) last][this run's segment, or (gone) last] customers: counted by index, the labels
     * only joined when written, since a million customers each looking up strings in maps cost seconds.
     */
    private final long[][] segmentCounts;
    /** [task slot][previous band ordinal, or NO_BAND for (new)][band ordinal, or NO_BAND for (gone)] customers. */
    private final long[][][] bandCounts;
    /** Persona ids of the previous snapshot in order of first sight; empty when it had no persona column. */
    private final List<String> previousPersonas;
    /** This run's persona ids in slot order; empty when it assigns none. */
    private final List<String> personas;
    /** [previous persona, or (new) last][this run's persona slot, or (gone) last] customers. */
    private final long[][] personaCounts;

    private Migration(List<Task> tasks, List<String> segments, List<String> previousSegments, LongIntMap previous,
                      List<String> personas, List<String> previousPersonas) {
        this.personas = List.copyOf(personas);
        this.previousPersonas = List.copyOf(previousPersonas);
        this.personaCounts = new long[previousPersonas.size() + 1][personas.size() + 1];
        this.tasks = tasks;
        this.segments = List.copyOf(segments);
        this.previousSegments = previousSegments;
        this.previous = previous;
        this.bandDimensions = tasks.stream().map(task -> task.id() + "_band").toArray(String[]::new);
        this.segmentCounts = new long[previousSegments.size() + 1][segments.size() + 1];
        this.bandCounts = new long[tasks.size()][NO_BAND + 1][NO_BAND + 1];
    }

    /**
     * Reads the previous snapshot's scores file (id, segment, bands), CSV or Parquet, its columns found by name
     * ({@link SnapshotScores}).
     *
     * @param segments this run's segment names, in policy order
     * @param personas this run's persona ids in slot order, empty when it assigns none
     */
    static Migration from(Path previousSnapshot, List<Task> tasks, List<String> segments, List<String> personas) {
        List<String> personaNames = new ArrayList<>();
        List<String> segmentNames = new ArrayList<>();
        LongIntMap map = new LongIntMap(1 << 16);
        SnapshotScores scores = SnapshotScores.of(previousSnapshot);
        Path previousScores = scores.file();
        List<String> needed = new ArrayList<>(List.of("segment", PERSONA_COLUMN));
        tasks.forEach(task -> needed.add(task.id() + "_band"));
        try (RecordSource reader = scores.open(needed)) {
            List<String> header = reader.header();
            int id = scores.idIndex(header);
            int segment = header.indexOf("segment");
            int persona = personas.isEmpty() ? -1 : header.indexOf(PERSONA_COLUMN);
            int[] bandColumns = new int[tasks.size()];
            for (int t = 0; t < tasks.size(); t++) {
                bandColumns[t] = header.indexOf(tasks.get(t).id() + "_band");
            }
            String[] fields;
            while ((fields = reader.next()) != null) {
                int segmentIndex = segmentNames.indexOf(fields[segment]);
                if (segmentIndex < 0) {
                    if (segmentNames.size() == SegmentPolicy.MAX_SEGMENTS) {
                        throw DataException.inFile(previousScores, "the previous snapshot has more than "
                                + SegmentPolicy.MAX_SEGMENTS + " segments");
                    }
                    segmentNames.add(fields[segment]);
                    segmentIndex = segmentNames.size() - 1;
                }
                int code = segmentIndex;
                for (int t = 0; t < tasks.size(); t++) {
                    int band = bandColumns[t] < 0 ? NO_BAND : Band.parse(fields[bandColumns[t]]).ordinal();
                    code |= band << (8 + 2 * t);
                }
                if (persona >= 0 && !fields[persona].isEmpty()) {
                    int personaIndex = personaNames.indexOf(fields[persona]);
                    if (personaIndex < 0) {
                        if (personaNames.size() == MAX_PERSONA_LABELS) {
                            throw DataException.inFile(previousScores, "the previous snapshot has more than " + MAX_PERSONA_LABELS + " personas");
                        }
                        personaNames.add(fields[persona]);
                        personaIndex = personaNames.size() - 1;
                    }
                    code |= (personaIndex + 1) << PERSONA_SHIFT;
                }
                map.putIfAbsent(LongIntMap.hash(fields[id]), code);
            }
        }
        return new Migration(tasks, segments, segmentNames, map, personaNames.isEmpty() ? List.of() : personas, personaNames);
    }

    static Migration none(List<Task> tasks, List<String> segments) {
        return new Migration(tasks, segments, List.of(), new LongIntMap(16), List.of(), List.of());
    }

    int previousCustomers() {
        return previous.size();
    }

    /**
     * Counts one current customer.
     *
     * @param segment this run's segment index (policy order)
     * @param bands   band ordinals per task slot
     * @param persona this run's persona slot, -1 when it assigns none
     */
    void observe(String customerId, int segment, byte[] bands, int persona) {
        long key = LongIntMap.hash(customerId);
        int code = previous.get(key);
        if (code < 0 || (code & SEEN) != 0) {
            segmentCounts[previousSegments.size()][segment]++;
            for (int t = 0; t < tasks.size(); t++) {
                bandCounts[t][NO_BAND][bands[t]]++;
            }
            if (tracksPersonas() && persona >= 0) {
                personaCounts[previousPersonas.size()][persona]++;
            }
            return;
        }
        previous.replace(key, code | SEEN);
        segmentCounts[code & 0xff][segment]++;
        for (int t = 0; t < tasks.size(); t++) {
            bandCounts[t][previousBand(code, t)][bands[t]]++;
        }
        int previousPersona = previousPersona(code);
        if (tracksPersonas() && persona >= 0) {
            personaCounts[previousPersona < 0 ? previousPersonas.size() : previousPersona][persona]++;
        }
    }

    /** Whether both snapshots carry personas, so the persona dimension is counted and written. */
    private boolean tracksPersonas() {
        return !personas.isEmpty() && !previousPersonas.isEmpty();
    }

    /** The previous persona's label index packed in {@code code}, -1 when the customer had none. */
    private static int previousPersona(int code) {
        return ((code >>> PERSONA_SHIFT) & 0xff) - 1;
    }

    /** Counts the previous customers this run did not see, then gives every dimension's from-to counts. */
    MigrationCounts counts() {
        previous.forEachValue(code -> {
            if ((code & SEEN) == 0) {
                segmentCounts[code & 0xff][segments.size()]++;
                for (int t = 0; t < tasks.size(); t++) {
                    bandCounts[t][previousBand(code, t)][NO_BAND]++;
                }
                if (tracksPersonas() && previousPersona(code) >= 0) {
                    personaCounts[previousPersona(code)][personas.size()]++;
                }
            }
        });
        MigrationCounts counts = new MigrationCounts();
        add(counts, "segment", segmentCounts, from -> from < previousSegments.size() ? previousSegments.get(from) : NEW,
                to -> to < segments.size() ? segments.get(to) : GONE);
        for (int t = 0; t < tasks.size(); t++) {
            add(counts, bandDimensions[t], bandCounts[t], from -> from == NO_BAND ? NEW : Band.values()[from].label(),
                    to -> to == NO_BAND ? GONE : Band.values()[to].label());
        }
        if (tracksPersonas()) {
            add(counts, PERSONA_COLUMN, personaCounts, from -> from < previousPersonas.size() ? previousPersonas.get(from) : NEW,
                    to -> to < personas.size() ? personas.get(to) : GONE);
        }
        return counts;
    }

    private static void add(MigrationCounts counts, String dimension, long[][] cells, IntFunction<String> fromLabel,
                            IntFunction<String> toLabel) {
        for (int from = 0; from < cells.length; from++) {
            for (int to = 0; to < cells[from].length; to++) {
                counts.add(dimension, fromLabel.apply(from), toLabel.apply(to), cells[from][to]);
            }
        }
    }

    /** The previous band ordinal of a task slot packed in {@code code}, NO_BAND when that task was not scored. */
    private static int previousBand(int code, int taskSlot) {
        return (code >>> (8 + 2 * taskSlot)) & 3;
    }
}
