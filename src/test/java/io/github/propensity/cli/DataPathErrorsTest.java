// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** A directory or unreadable file where a CSV is expected is bad input for every command that reads one. */
class DataPathErrorsTest {
    @TempDir
    Path dir;

    private Path folder() throws IOException {
        return Files.createDirectories(dir.resolve("exports"));
    }

    private static void assertBadDataNaming(Path path, CliRun run) {
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains(path.toString()), run.err());
        assertTrue(run.err().contains("is a directory"), run.err());
    }

    @Test
    void scoreRejectsADirectoryAsData() throws IOException {
        Path data = folder();
        assertBadDataNaming(data, CliRun.of("score", "--data", data.toString(), "--id", "customer_id", "--models", "models",
                "--out", dir.resolve("scores.csv").toString()));
    }

    @Test
    void trainRejectsADirectoryAsData() throws IOException {
        Path data = folder();
        assertBadDataNaming(data, CliRun.of("train", "--task", "churn", "--data", data.toString(), "--label", "churned",
                "--positive", "yes", "--id", "customer_id", "--models", dir.resolve("models").toString()));
    }

    @Test
    void evaluateRejectsADirectoryAsData() throws IOException {
        Path data = folder();
        assertBadDataNaming(data, CliRun.of("evaluate", "--task", "churn", "--data", data.toString(), "--label", "churned",
                "--positive", "yes", "--models", "models"));
    }

    @Test
    void featuresRejectsADirectoryAsTransactions() throws IOException {
        Path data = folder();
        assertBadDataNaming(data, CliRun.of("features", "--transactions", data.toString(), "--customer", "customer_id",
                "--date", "order_time", "--quantity", "quantity", "--price", "unit_price", "--as-of", "2026-01-01",
                "--out", dir.resolve("features.csv").toString()));
    }

    @Test
    void lookalikeRejectsADirectoryAsSeed() throws IOException {
        Path data = folder();
        assertBadDataNaming(data, CliRun.of("lookalike", "--seed", data.toString(), "--pool", "training-data/customers.csv",
                "--id", "customer_id", "--size", "5%", "--out", dir.resolve("audience.csv").toString()));
    }

    @Test
    void scoreRejectsAnUnreadableFileAsData() throws IOException {
        Path data = Files.writeString(dir.resolve("locked.csv"), "customer_id,plan\nC1,free\n");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(data), "the file stays readable (tests run as root)");
        CliRun run = CliRun.of("score", "--data", data.toString(), "--id", "customer_id", "--models", "models",
                "--out", dir.resolve("scores.csv").toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains(data.toString()) && run.err().contains("permission denied"), run.err());
    }
}
