// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.uplift.UpliftFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void personasAreWrittenWithAFittedModelLeftOutWithNoPersonasAndRequiredWithPersonas() throws IOException {
        Path base = dir.resolve("base.csv");
        SampleWriter.write(base, null, 800, 31);
        Path models = BacktestFixtures.copyModels(dir.resolve("models"));
        CliRun required = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--snapshots", dir.resolve("none").toString(), "--personas");
        assertEquals(ExitCode.BAD_DATA, required.exitCode(), required.err());
        assertTrue(required.err().contains("no current persona model"), required.err());
        assertFalse(Files.exists(dir.resolve("none").resolve("LATEST")));

        CliRun fit = CliRun.of("personas", "fit", "--data", base.toString(), "--id", "customer_id", "--k", "3",
                "--drop", "churned,purchased_30d,converted", "--models", models.toString());
        assertEquals(ExitCode.OK, fit.exitCode(), fit.err());
        CliRun with = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--out", dir.resolve("with.csv").toString());
        assertEquals(ExitCode.OK, with.exitCode(), with.err());
        assertTrue(Files.readAllLines(dir.resolve("with.csv")).get(0).contains(",persona,persona_name,"));
        assertTrue(new ObjectMapper().readTree(with.lastStdoutLine()).has("persona_model"), with.lastStdoutLine());
        CliRun without = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--out", dir.resolve("without.csv").toString(), "--no-personas");
        assertEquals(ExitCode.OK, without.exitCode(), without.err());
        assertFalse(Files.readAllLines(dir.resolve("without.csv")).get(0).contains("persona"));

        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"segments\": [{\"name\": \"chosen\", \"persona\": [\"1\", \"7\"]},"
                + " {\"name\": \"rest\", \"when\": {}}]}");
        CliRun unknown = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--snapshots", dir.resolve("snapshots").toString(), "--segments", rules.toString());
        assertEquals(ExitCode.BAD_DATA, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("segment 'chosen'") && unknown.err().contains("'7'"), unknown.err());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("LATEST")));
    }

    @Test
    void rejectsAMalformedBadRowThreshold() {
        CliRun run = CliRun.of("score", "--data", "x.csv", "--id", "customer_id", "--max-bad-rows", "lots");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("--max-bad-rows"), run.err());
    }

    /** The committed task models plus one uplift model of a campaign run on {@code base}. */
    private Path modelsWithUplift(Path base) throws IOException {
        Path models = BacktestFixtures.copyModels(dir.resolve("models"));
        UpliftFixtures.publishFromBase(base, models, "winback-email", 3);
        return models;
    }

    @Test
    void scoresEveryCampaignFoundByDefaultAndNoneWithNoUplift() throws IOException {
        Path base = dir.resolve("base.csv");
        SampleWriter.write(base, null, 1200, 37);
        Path models = modelsWithUplift(base);
        Path found = dir.resolve("found.csv");
        CliRun run = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(), "--out", found.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(Files.readAllLines(found).get(0).contains(",winback-email_uplift,winback-email_group,"));
        Path none = dir.resolve("none.csv");
        CliRun without = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--out", none.toString(), "--no-uplift");
        assertEquals(ExitCode.OK, without.exitCode(), without.err());
        assertFalse(Files.readAllLines(none).get(0).contains("uplift"));
    }

    @Test
    void anUnknownCampaignNamedExitsWithThreeAndConflictingOptionsWithTwo() throws IOException {
        Path base = dir.resolve("base.csv");
        SampleWriter.write(base, null, 1200, 37);
        Path models = modelsWithUplift(base);
        CliRun unknown = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--snapshots", dir.resolve("snapshots").toString(), "--uplift", "spring-sale");
        assertEquals(ExitCode.BAD_DATA, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("'spring-sale'") && unknown.err().contains("campaigns with one: winback-email"), unknown.err());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("LATEST")));
        CliRun both = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--uplift", "winback-email", "--no-uplift");
        assertEquals(ExitCode.USAGE, both.exitCode(), both.err());
        CliRun badName = CliRun.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--uplift", "Spring Sale");
        assertEquals(ExitCode.USAGE, badName.exitCode(), badName.err());
    }

    @Test
    void aFoundCampaignTheBaseCannotFeedIsSkippedAndANamedOneRefused() throws IOException {
        Path base = dir.resolve("base.csv");
        SampleWriter.write(base, null, 1200, 37);
        Path models = modelsWithUplift(base);
        // Without plan: the conversion model does not read it, the campaign's model does.
        List<String> lines = Files.readAllLines(base);
        int plan = List.of(lines.get(0).split(",")).indexOf("plan");
        Path noPlan = dir.resolve("no-plan.csv");
        CustomerTable table = CustomerTable.read(base, null);
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(noPlan), CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(table.header());
            header.remove(plan);
            out.printRecord(header);
            for (String[] row : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(row));
                cells.remove(plan);
                out.printRecord(cells);
            }
        }
        CliRun run = CliRun.of("score", "--data", noPlan.toString(), "--id", "customer_id", "--models", models.toString(),
                "--tasks", "conversion", "--out", dir.resolve("scores.csv").toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        // The warning goes to the process's log on stderr, which CliRun does not capture; the file shows the skip.
        assertFalse(Files.readAllLines(dir.resolve("scores.csv")).get(0).contains("winback-email"));
        CliRun named = CliRun.of("score", "--data", noPlan.toString(), "--id", "customer_id", "--models", models.toString(),
                "--tasks", "conversion", "--uplift", "winback-email", "--out", dir.resolve("named.csv").toString());
        assertEquals(ExitCode.BAD_DATA, named.exitCode(), named.err());
        assertTrue(named.err().contains("'winback-email'") && named.err().contains("column plan"), named.err());
    }
}
