// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.github.propensity.cli.Main;

/** A real process killed with SIGKILL in the middle of rescoring leaves readers on the previous complete snapshot. */
class KilledRescoreTest {
    @TempDir
    Path dir;

    private Process score(Path data, Path snapshots) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "score", "--data", data.toString(), "--id", "customer_id", "--models", "models",
                "--snapshots", snapshots.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("score.log").toFile()).start();
    }

    @Test
    void aKilledRunLeavesLatestOnThePreviousCompleteSnapshot() throws Exception {
        Path small = dir.resolve("small.csv");
        SampleWriter.write(small, null, 300, 1);
        Path snapshots = dir.resolve("snapshots");
        Process first = score(small, snapshots);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && first.exitValue() == 0, Files.readString(dir.resolve("score.log")));
        String latest = Files.readString(snapshots.resolve(SnapshotStore.LATEST)).strip();

        Path large = dir.resolve("large.csv");
        SampleWriter.write(large, null, 400_000, 2);
        Process second = score(large, snapshots);
        // Kill it once it is writing scores into its staging directory.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stagingHasScores(snapshots) && System.nanoTime() < deadline && second.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(second.isAlive(), "the run finished before it could be killed: " + Files.readString(dir.resolve("score.log")));
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertEquals(latest, Files.readString(snapshots.resolve(SnapshotStore.LATEST)).strip());
        try (Stream<Path> entries = Files.list(snapshots)) {
            List<String> visible = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.equals(SnapshotStore.LATEST)).toList();
            assertEquals(List.of(latest), visible, "no half-written snapshot is visible");
        }
        assertTrue(Files.isRegularFile(snapshots.resolve(latest).resolve("manifest.json")));
    }

    private static boolean stagingHasScores(Path snapshots) throws IOException {
        if (!Files.isDirectory(snapshots)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(snapshots)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".staging-"))
                    .anyMatch(p -> new File(p.toFile(), ".scores.partial").length() > 0);
        }
    }
}
