// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.sample.SampleWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented command-line contract, end to end through the real entry point. */
class TrainEvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path models;
    static Path holdout;
    static String firstVersion;
    static JsonNode trainSummary;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path data = dir.resolve("customers.csv.gz");
        holdout = dir.resolve("holdout.csv");
        models = dir.resolve("models");
        SampleWriter.write(data, null, 2000, 11);
        SampleWriter.write(holdout, null, 1000, 12);
        CliRun run = CliRun.of("train", "--task", "purchase", "--data", data.toString(), "--label", "purchased_30d",
                "--positive", "yes", "--id", "customer_id", "--drop", "email,phone,churned,converted",
                "--models", models.toString(), "--seed", "3");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        trainSummary = new ObjectMapper().readTree(run.lastStdoutLine());
        firstVersion = trainSummary.get("version").asText();
    }

    @Test
    void trainPublishesACompleteBundleAndReportsItAsJson() {
        Path bundle = models.resolve("purchase").resolve(firstVersion);
        for (String file : new String[]{"bundle.json", "features.json", "calibration.json", "reference.json", "card.json", "card.md"}) {
            assertTrue(Files.isRegularFile(bundle.resolve(file)), file);
        }
        // Exactly one model file, in this format version's own form (no Tribuo model).
        boolean trees = Files.isRegularFile(bundle.resolve("trees.json"));
        assertTrue(trees ^ Files.isRegularFile(bundle.resolve("linear.json")), "one of trees.json and linear.json");
        assertFalse(Files.exists(bundle.resolve("model.tribuo")));
        assertEquals(trees ? "xgboost" : "logistic-regression", trainSummary.get("model").asText());
        assertTrue(trainSummary.get("test").get("auc").asDouble() > 0.6);
        assertEquals(400, trainSummary.get("test").get("rows").asInt());
    }

    @Test
    void evaluatePrintsTheMetricsAsTheLastStdoutLine() throws IOException {
        CliRun run = CliRun.of("evaluate", "--task", "purchase", "--data", holdout.toString(), "--label", "purchased_30d",
                "--positive", "yes", "--models", models.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(run.lastStdoutLine());
        for (String key : new String[]{"auc", "pr_auc", "log_loss", "brier", "ece", "rows", "positives", "lift_top_decile"}) {
            assertTrue(metrics.has(key), key);
        }
        assertEquals(1000, metrics.get("rows").asInt());
        assertTrue(metrics.get("auc").asDouble() > 0.6);
        assertTrue(run.err().contains("decile"), "the human report goes to stderr");
    }

    @Test
    void evaluateNamesAMissingFeatureColumn() throws IOException {
        Path stripped = dir.resolve("stripped.csv");
        CustomerTable table = CustomerTable.read(holdout, null);
        int dropped = table.columnIndex("discount_share");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(stripped), CSVFormat.RFC4180)) {
            out.printRecord(table.header().stream().filter(name -> !name.equals("discount_share")).toList());
            for (String[] row : table.rows()) {
                List<String> kept = new ArrayList<>(List.of(row));
                kept.remove(dropped);
                out.printRecord(kept);
            }
        }
        CliRun run = CliRun.of("evaluate", "--task", "purchase", "--data", stripped.toString(), "--label", "purchased_30d",
                "--positive", "yes", "--models", models.toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains("missing feature column discount_share"), run.err());
    }

    @Test
    void modelsListMarksTheCurrentVersionAndPromoteRollsBack() throws Exception {
        // No wait for the next second: the version ends in a hash of the bundle, and this model learns other data.
        CliRun second = CliRun.of("train", "--task", "purchase", "--data", holdout.toString(), "--label", "purchased_30d",
                "--positive", "yes", "--id", "customer_id", "--drop", "email,phone,churned,converted", "--models", models.toString());
        assertEquals(ExitCode.OK, second.exitCode(), second.err());
        String secondVersion = new ObjectMapper().readTree(second.lastStdoutLine()).get("version").asText();
        assertNotEquals(firstVersion, secondVersion);

        CliRun list = CliRun.of("models", "list", "--models", models.toString());
        assertTrue(list.out().contains("* purchase    " + secondVersion), list.out());

        assertEquals(ExitCode.OK, CliRun.of("models", "promote", "--task", "purchase", "--version", firstVersion,
                "--models", models.toString()).exitCode());
        CliRun evaluateCurrent = CliRun.of("evaluate", "--task", "purchase", "--data", holdout.toString(), "--label",
                "purchased_30d", "--positive", "yes", "--models", models.toString());
        assertEquals(firstVersion, new ObjectMapper().readTree(evaluateCurrent.lastStdoutLine()).get("model_version").asText());

        CliRun unknown = CliRun.of("models", "promote", "--task", "purchase", "--version", "20200101T000000Z-00000000",
                "--models", models.toString());
        assertEquals(ExitCode.FAILURE, unknown.exitCode());
        assertTrue(unknown.err().contains("no purchase model version"), unknown.err());
    }

    @Test
    void evaluateWithoutAnyModelSaysHowToTrainOne() {
        CliRun run = CliRun.of("evaluate", "--task", "churn", "--data", holdout.toString(), "--label", "churned",
                "--positive", "yes", "--models", dir.resolve("empty").toString());
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().contains("propensity train --task churn"), run.err());
    }
}
