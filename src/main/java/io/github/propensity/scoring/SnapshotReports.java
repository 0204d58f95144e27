// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a snapshot's reports beside its scores: manifest, segment counts, migration and drift. The one writer of
 * these files for the CLI (into its staging directory) and the Spark job (through Hadoop's file systems), so both
 * make the same files.
 */
public final class SnapshotReports {
    public static final String MANIFEST = SnapshotManifest.FILE;
    public static final String SEGMENTS = "segments.json";
    public static final String MIGRATION = "migration.csv";
    public static final String DRIFT = "drift.json";

    /** Where a report file goes: a new file of that name in the snapshot being built. */
    @FunctionalInterface
    public interface ReportFiles {
        OutputStream create(String name) throws IOException;

        /** New files in a local directory. */
        static ReportFiles in(Path directory) {
            return name -> Files.newOutputStream(directory.resolve(name));
        }
    }

    private SnapshotReports() {
    }

    /** Writes the four reports, the manifest last: a snapshot folder with a manifest has everything else. */
    public static void write(ReportFiles files, SnapshotManifest manifest, SnapshotCounts counts, MigrationCounts migration,
                             DriftReport drift, ObjectMapper json) {
        try {
            try (OutputStream out = files.create(SEGMENTS)) {
                json.writeValue(out, counts.asJson());
            }
            try (Writer out = new OutputStreamWriter(files.create(MIGRATION), StandardCharsets.UTF_8)) {
                migration.write(out);
            }
            try (OutputStream out = files.create(DRIFT)) {
                json.writeValue(out, drift);
            }
            try (OutputStream out = files.create(MANIFEST)) {
                json.writeValue(out, manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot reports: " + e.getMessage(), e);
        }
    }
}
