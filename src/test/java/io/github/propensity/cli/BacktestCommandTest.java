// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path models;
    static Path snapshots;
    static Path snapshot;
    static List<BacktestFixtures.Customer> customers;

    @TempDir
    Path dir;

    @BeforeAll
    static void rescoreChurnOnly() throws IOException {
        models = BacktestFixtures.copyModels(shared.resolve("models"));
        Path base = BacktestFixtures.base(shared.resolve("base.csv"), 600, 21);
        snapshots = shared.resolve("snapshots");
        snapshot = BacktestFixtures.rescore(base, models, snapshots, List.of(Task.CHURN));
        customers = BacktestFixtures.customers(base);
    }

    private Path outcomes(String header, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header));
        lines.addAll(rows);
        return BacktestFixtures.write(dir.resolve("outcomes.csv"), lines);
    }

    private Path churnOutcomes() throws IOException {
        return outcomes("customer_id,churned", customers.stream().map(c -> c.id() + "," + c.churned()).toList());
    }

    private static CliRun backtest(Path outcomes, String... more) {
        List<String> args = new ArrayList<>(List.of("backtest", "--snapshot", snapshot.toString(), "--outcomes", outcomes.toString(),
                "--id", "customer_id", "--task", "churn", "--label", "churned", "--positive", "yes", "--models", models.toString()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            int at = args.indexOf(more[i]);
            if (at >= 0) {
                args.set(at + 1, more[i + 1]);
            } else {
                args.add(more[i]);
                args.add(more[i + 1]);
            }
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static long ledgerLines() throws IOException {
        Path ledger = snapshots.resolve(BacktestLedger.FILE);
        return Files.exists(ledger) ? Files.readAllLines(ledger, StandardCharsets.UTF_8).size() : 0;
    }

    @Test
    void measuresASnapshotAppendsToTheLedgerAndListsIt() throws Exception {
        long before = ledgerLines();
        CliRun run = backtest(churnOutcomes());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode line = JSON.readTree(run.lastStdoutLine());
        assertEquals(600, line.path("backtest").path("join").path("matched").asLong());
        assertEquals("churn", line.path("backtest").path("task").asText());
        assertTrue(run.err().contains("realized") && run.err().contains("decile"), run.err());
        assertEquals(before + 1, ledgerLines());

        CliRun list = CliRun.of("backtest", "list", "--snapshots", snapshots.toString());
        assertEquals(ExitCode.OK, list.exitCode(), list.err());
        JsonNode listed = JSON.readTree(list.lastStdoutLine()).path("backtests");
        assertEquals(before + 1, listed.size());
        assertTrue(list.err().contains(snapshot.getFileName().toString()), list.err());
        CliRun purchase = CliRun.of("backtest", "list", "--snapshots", snapshots.toString(), "--task", "purchase");
        assertEquals(0, JSON.readTree(purchase.lastStdoutLine()).path("backtests").size());
        assertTrue(purchase.err().contains("no backtests of purchase"), purchase.err());
    }

    @Test
    void latestMeansTheSnapshotLatestNames() throws Exception {
        CliRun run = backtest(churnOutcomes(), "--snapshot", "latest", "--snapshots", snapshots.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(snapshot.getFileName().toString(), JSON.readTree(run.lastStdoutLine()).path("backtest").path("snapshot").asText());
    }

    /** Runs a refused backtest: exit 3, the message, and nothing added to the ledger. */
    private static void refused(CliRun run, long ledgerBefore, String... messages) throws IOException {
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        for (String message : messages) {
            assertTrue(run.err().contains(message), "expected '" + message + "' in: " + run.err());
        }
        assertEquals(ledgerBefore, ledgerLines(), "nothing written to the ledger");
    }

    @Test
    void aSnapshotWithoutTheTaskNamesTheTasksItHas() throws Exception {
        Path outcomes = outcomes("customer_id,purchased_30d", customers.stream().map(c -> c.id() + "," + c.purchased()).toList());
        refused(backtest(outcomes, "--task", "purchase", "--label", "purchased_30d"), ledgerLines(),
                "did not score purchase; it scored churn");
    }

    @Test
    void anOutcomesFileWithoutTheIdOrLabelColumnNamesTheFileAndItsColumns() throws Exception {
        Path noId = outcomes("customer,churned", customers.stream().map(c -> c.id() + "," + c.churned()).toList());
        refused(backtest(noId), ledgerLines(), "outcomes.csv", "id column 'customer_id' not found", "the columns are: customer, churned");
        Path noLabel = outcomes("customer_id,left", customers.stream().map(c -> c.id() + "," + c.churned()).toList());
        refused(backtest(noLabel), ledgerLines(), "outcomes.csv", "label column 'churned' not found", "the columns are: customer_id, left");
    }

    @Test
    void aPositiveValueThatNeverOccursIsRefused() throws Exception {
        refused(backtest(churnOutcomes(), "--positive", "churned"), ledgerLines(),
                "the positive value 'churned' never occurs in column 'churned'");
    }

    @Test
    void aLabelThatIsNotBinaryNamesTheLineAndTheValues() throws Exception {
        List<String> rows = new ArrayList<>(customers.stream().map(c -> c.id() + "," + c.churned()).toList());
        rows.set(5, customers.get(5).id() + ",maybe");
        // The header is line 1, so the sixth customer is on line 7.
        refused(backtest(outcomes("customer_id,churned", rows)), ledgerLines(), "outcomes.csv, line 7, column 'churned'",
                "not binary", "'maybe'");
    }

    @Test
    void outcomesForNobodyInTheSnapshotAreRefused() throws Exception {
        Path strangers = outcomes("customer_id,churned", List.of("Q1,yes", "Q2,no", "Q3,no"));
        refused(backtest(strangers), ledgerLines(), "none of its 3 customers with an outcome is among the 600 customers");
    }

    @Test
    void aMissingOrIncompleteSnapshotIsRefused() throws Exception {
        refused(backtest(churnOutcomes(), "--snapshot", dir.resolve("nowhere").toString()), ledgerLines(), "no snapshot folder");
        Path empty = Files.createDirectories(dir.resolve("snapshots").resolve("20260101T000000Z"));
        refused(backtest(churnOutcomes(), "--snapshot", empty.toString()), ledgerLines(), "is not a snapshot: it has no manifest.json");
        Files.writeString(empty.resolve("manifest.json"), "{\"models\": {\"churn\": {\"version\": \"v1\"}}}");
        refused(backtest(churnOutcomes(), "--snapshot", empty.toString()), ledgerLines(), "is not a complete snapshot: it has no scores file (scores.csv, scores.csv.gz, scores.parquet)");
        refused(backtest(churnOutcomes(), "--snapshot", "latest", "--snapshots", dir.resolve("no-snapshots").toString()), ledgerLines(),
                "no snapshot in");
    }

    @Test
    void missingOptionsAreAUsageError() {
        CliRun run = CliRun.of("backtest", "--snapshot", "latest", "--task", "churn");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--outcomes, --id, --label, --positive"), run.err());
    }
}
