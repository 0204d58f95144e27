// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a snapshot's reports beside its scores file: manifest, segment counts, migration and drift. */
final class SnapshotReports {
    static final String MANIFEST = SnapshotManifest.FILE;
    static final String SEGMENTS = "segments.json";
    static final String MIGRATION = "migration.csv";
    static final String DRIFT = "drift.json";

    private SnapshotReports() {
    }

    static void write(Path directory, SnapshotManifest manifest, ScoringTally tally, Migration migration, DriftReport drift,
                      ObjectMapper json) {
        try {
            Map<String, Object> segments = new LinkedHashMap<>();
            segments.put("customers", tally.scored());
            segments.put("segments", tally.segmentCounts());
            segments.put("bands", tally.bandCounts());
            Map<String, Map<String, Long>> groups = tally.upliftGroupCounts();
            if (!groups.isEmpty()) {
                // Only with uplift models, so snapshots without them keep the file they always had.
                segments.put("uplift_groups", groups);
            }
            List<Map<String, Object>> personas = tally.personaCounts();
            if (!personas.isEmpty()) {
                // Only with a persona model, as uplift groups.
                segments.put("personas", personas);
            }
            json.writeValue(directory.resolve(SEGMENTS).toFile(), segments);
            try (Writer out = Files.newBufferedWriter(directory.resolve(MIGRATION), StandardCharsets.UTF_8)) {
                migration.write(out);
            }
            json.writeValue(directory.resolve(DRIFT).toFile(), drift);
            // The manifest last: a snapshot directory with a manifest has everything else.
            json.writeValue(directory.resolve(MANIFEST).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot reports in " + directory + ": " + e.getMessage(), e);
        }
    }
}
