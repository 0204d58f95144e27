// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code score} against the committed sample models, through the real entry point. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresTheBaseIntoASnapshotAndPrintsASummary() throws IOException {
        Path base = dir.resolve("base.csv");
        SampleWriter.write(base, null, 800, 31);
        CliRun run = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", "models",
                "--snapshots", dir.resolve("snapshots").toString(), "--segments", "scripts/sample-segments.json", "--gzip");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine());
        assertEquals(800, summary.get("scored").asInt());
        Path snapshot = Path.of(summary.get("snapshot").asText());
        for (String file : List.of("scores.csv.gz", "manifest.json", "segments.json", "migration.csv", "drift.json")) {
            assertTrue(Files.isRegularFile(snapshot.resolve(file)), file);
        }
        assertEquals(snapshot.getFileName().toString(), Files.readString(dir.resolve("snapshots").resolve("LATEST")).strip());
    }

    @Test
    void badDataExitsWithThreeAndWritesNoSnapshot() throws IOException {
        Path base = Files.writeString(dir.resolve("base.csv"), "customer_id,plan\nC1,free\n");
        CliRun run = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", "models",
                "--snapshots", dir.resolve("snapshots").toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains("missing feature columns"), run.err());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("LATEST")));
    }

    @Test
    void rejectsAMalformedBadRowThreshold() {
        CliRun run = CliRun.of("score", "--data", "x.csv", "--id", "customer_id", "--max-bad-rows", "lots");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("--max-bad-rows"), run.err());
    }
}
