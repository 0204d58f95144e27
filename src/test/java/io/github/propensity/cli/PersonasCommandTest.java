// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The personas commands end to end: fit, assign, models list and promote, and every bad input with nothing written. */
class PersonasCommandTest {
    @TempDir
    Path folder;

    private Path generated(int customers) {
        Path base = folder.resolve("base.csv");
        CliRun run = CliRun.of("generate", "--personas", "--customers", Integer.toString(customers), "--seed", "3",
                "--out", base.toString(), "--truth", folder.resolve("truth.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        return base;
    }

    private String models() {
        return folder.resolve("models").toString();
    }

    @Test
    void fitsAssignsListsAndPromotes() throws IOException {
        Path base = generated(3000);
        CliRun fit = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "customer_id", "--k", "4",
                "--drop", "churned,purchased_30d,converted", "--models", models());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.lastStdoutLine().contains("\"k\":4"), fit.lastStdoutLine());
        String version;
        try (Stream<Path> versions = Files.list(folder.resolve("models/personas"))) {
            version = versions.map(p -> p.getFileName().toString()).filter(n -> !n.equals("CURRENT")).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(folder.resolve("models/personas").resolve(version).resolve("card.md")).contains("What sets it apart"));

        Path out = folder.resolve("personas.csv");
        CliRun assign = CliRun.of("personas", "assign", "--data", base.toString(), "--id", "customer_id", "--models", models(), "--out", out.toString());
        assertEquals(0, assign.exitCode(), assign.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("customer_id,persona_id,persona_name", lines.get(0));
        assertEquals(3001, lines.size());
        assertTrue(lines.get(1).startsWith("C0000001,"));

        CliRun list = CliRun.of("models", "list", "--models", models());
        assertTrue(list.out().contains("personas") && list.out().contains(version), list.out());
        CliRun promote = CliRun.of("models", "promote", "--task", "personas", "--version", version, "--models", models());
        assertEquals(0, promote.exitCode(), promote.err());
        assertTrue(promote.err().contains("personas: current model is now " + version), promote.err());
    }

    @Test
    void theCardCarriesTheMeanProbabilitiesOfTheCurrentPropensityModels() throws IOException {
        Path models = folder.resolve("committed");
        for (String task : List.of("churn", "purchase", "conversion")) {
            copyTree(Path.of("models").resolve(task), models.resolve(task));
        }
        CliRun fit = CliRun.of("personas", "fit", "--data", "training-data/customers.csv", "--id", "customer_id", "--k", "3",
                "--drop", "churned,purchased_30d,converted", "--models", models.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        Path card;
        try (Stream<Path> versions = Files.list(models.resolve("personas"))) {
            card = versions.filter(Files::isDirectory).findFirst().orElseThrow().resolve("card.json");
        }
        JsonNode personas = new ObjectMapper().readTree(card.toFile()).path("personas");
        assertEquals(3, personas.size());
        for (JsonNode persona : personas) {
            for (String task : List.of("churn", "purchase", "conversion")) {
                double probability = persona.path("mean_probabilities").path(task).asDouble(-1);
                assertTrue(probability > 0 && probability < 1, task + " of persona " + persona.path("id"));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void refusesAPersonaCountOutsideTwoToTwentyAsAUsageError() {
        Path base = generated(300);
        for (String k : List.of("1", "21", "many")) {
            CliRun run = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "customer_id", "--k", k, "--models", models());
            assertEquals(ExitCode.USAGE, run.exitCode(), k);
            assertTrue(run.err().contains("--k") || run.err().contains("between 2 and 20"), run.err());
        }
        assertFalse(Files.exists(folder.resolve("models")));
    }

    @Test
    void refusesTooFewRowsAndUnknownNamesWithNothingWritten() throws IOException {
        Path base = generated(150);
        CliRun small = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "customer_id", "--k", "4", "--models", models());
        assertEquals(ExitCode.BAD_DATA, small.exitCode());
        assertTrue(small.err().contains("base.csv") && small.err().contains("at least 200"), small.err());

        Path names = folder.resolve("names.json");
        Files.writeString(names, "{\"7\": \"Ghosts\"}");
        CliRun unknown = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "customer_id", "--k", "2",
                "--names", names.toString(), "--models", models());
        assertEquals(ExitCode.BAD_DATA, unknown.exitCode());
        assertTrue(unknown.err().contains("names.json") && unknown.err().contains("[7]"), unknown.err());

        CliRun noId = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "client", "--models", models());
        assertEquals(ExitCode.BAD_DATA, noId.exitCode());
        assertFalse(Files.exists(folder.resolve("models/personas")) && hasVersions(folder.resolve("models/personas")));
    }

    @Test
    void assignWithoutAModelSaysHowToFitOne() {
        Path base = generated(300);
        Path out = folder.resolve("out.csv");
        CliRun run = CliRun.of("personas", "assign", "--data", base.toString(), "--id", "customer_id", "--models", models(), "--out", out.toString());
        // A missing model is a bundle problem (exit 1), as for the value model, not bad data.
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().contains("personas fit"), run.err());
        assertFalse(Files.exists(out));
    }

    private static boolean hasVersions(Path kind) throws IOException {
        try (Stream<Path> entries = Files.list(kind)) {
            return entries.anyMatch(Files::isDirectory);
        }
    }
}
