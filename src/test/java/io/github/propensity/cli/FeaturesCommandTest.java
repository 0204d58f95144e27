// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.sample.TransactionSampleWriter;
import org.junit.jupiter.api.BeforeEach;
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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;

/** The features command from a generated order log to a trained, scored and evaluated model. */
class FeaturesCommandTest {
    @TempDir
    Path dir;

    private Path log;

    @BeforeEach
    void writeLog() throws IOException {
        log = dir.resolve("orders.csv");
        TransactionSampleWriter.write(log, 800, 5);
    }

    private CliRun features(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("features", "--transactions", log.toString(),
                "--customer", "customer_id", "--date", "order_time", "--quantity", "quantity", "--price", "unit_price",
                "--invoice", "invoice", "--cancel-prefix", "C", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void stackedCutoffsTrainAModelWhoseCardRecordsThem() throws IOException {
        Path train = dir.resolve("train.csv");
        CliRun built = features(train, "--as-of", "2024-03-31,2024-06-30");
        assertEquals(ExitCode.OK, built.exitCode(), built.err());
        assertTrue(built.err().contains("label label_purchase: yes if the customer made at least one purchase"), built.err());
        List<String> lines = Files.readAllLines(train);
        assertTrue(lines.get(0).startsWith("customer_id,as_of,recency_days,tenure_days,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",rfm_segment,label_purchase,label_churn"), lines.get(0));
        JsonNode meta = new ObjectMapper().readTree(Path.of(train + ".meta.json").toFile());
        assertEquals("[\"2024-03-31\",\"2024-06-30\"]", meta.get("as_of").toString());
        assertEquals(lines.size() - 1, meta.get("cutoffs").get(0).get("customers").asInt() + meta.get("cutoffs").get(1).get("customers").asInt());
        assertEquals(orderLines() , meta.get("source").get("lines").asLong());

        Path models = dir.resolve("models");
        CliRun trained = CliRun.of("train", "--task", "purchase", "--data", train.toString(), "--label", "label_purchase",
                "--positive", "yes", "--holdout", "0", "--models", models.toString());
        assertEquals(ExitCode.OK, trained.exitCode(), trained.err());
        JsonNode card = new ObjectMapper().readTree(onlyBundle(models.resolve("purchase")).resolve("card.json").toFile());
        assertEquals("[\"2024-03-31\",\"2024-06-30\"]", card.get("origin").get("cutoffs").toString());
        assertTrue(card.get("label").get("definition").asText().contains("in the 90 days after the as-of date"));
        assertEquals("customer_id", card.get("data").get("id_column").asText(), "the id column comes from the metadata");
        assertEquals("[\"as_of\",\"label_churn\"]", card.get("data").get("dropped_columns").toString(),
                "the cut-off date and the other label never become features");

        Path later = dir.resolve("later.csv");
        assertEquals(ExitCode.OK, features(later, "--as-of", "2024-09-30").exitCode());
        CliRun evaluated = CliRun.of("evaluate", "--task", "purchase", "--data", later.toString(), "--label", "label_purchase",
                "--positive", "yes", "--models", models.toString(), "--baseline", "recency_days,orders_365d");
        assertEquals(ExitCode.OK, evaluated.exitCode(), evaluated.err());
        JsonNode result = new ObjectMapper().readTree(evaluated.lastStdoutLine());
        assertTrue(result.get("baselines").get("recency_days").asDouble() > 0.5);
        assertTrue(result.get("auc").asDouble() > 0.6, "a model of buying behaviour ranks next quarter's buyers: " + result);

        Path scores = dir.resolve("scores.csv");
        CliRun scored = CliRun.of("score", "--data", later.toString(), "--id", "customer_id", "--tasks", "purchase",
                "--models", models.toString(), "--out", scores.toString(), "--keep", "rfm_segment");
        assertEquals(ExitCode.OK, scored.exitCode(), scored.err());
        List<String> scoreLines = Files.readAllLines(scores);
        assertTrue(scoreLines.get(0).startsWith("customer_id,segment,rfm_segment,purchase_probability"), scoreLines.get(0));
        assertTrue(scoreLines.stream().skip(1).allMatch(line -> line.split(",")[2].matches("[A-Z][a-z' ]+[a-z]")), scoreLines.get(1));
    }

    @Test
    void labelsThatWouldReachPastTheLogAreRefused() {
        Path out = dir.resolve("f.csv");
        CliRun run = features(out, "--as-of", "2024-12-01");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("need transactions through 2025-03-01") && run.err().contains("--label none"), run.err());
        assertFalse(Files.exists(out));
        assertEquals(ExitCode.OK, features(out, "--as-of", "2024-12-31", "--label", "none").exitCode(), "features to score today");
    }

    @Test
    void aBadLineFailsWithItsLineNumberAndLeavesTheOldFileInPlace() throws IOException {
        Files.writeString(log, "12345,C0000001,2024-13-45 10:00,1,2.50\n", StandardOpenOption.APPEND);
        Path out = Files.writeString(dir.resolve("f.csv"), "old\n");
        CliRun run = features(out, "--as-of", "2024-06-30");
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run.err());
        assertTrue(run.err().contains("line " + (orderLines() + 1) + ", column 'order_time': '2024-13-45 10:00' is not a date"), run.err());
        assertFalse(run.err().contains("C0000001"), "no customer ids in messages");
        assertEquals("old\n", Files.readString(out));
        assertFalse(Files.exists(Path.of(out + ".meta.json")));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
        CliRun skipping = features(out, "--as-of", "2024-06-30", "--skip-bad-lines");
        assertEquals(ExitCode.OK, skipping.exitCode(), skipping.err());
        assertTrue(skipping.out().contains("\"bad_lines\":1"), skipping.out());
    }

    @Test
    void trainRefusesAFeatureFileThatNoLongerMatchesItsMetadata() throws IOException {
        Path train = dir.resolve("train.csv");
        assertEquals(ExitCode.OK, features(train, "--as-of", "2024-06-30").exitCode());
        List<String> lines = Files.readAllLines(train);
        Files.write(train, lines.subList(0, lines.size() / 2));
        Path models = dir.resolve("models");
        CliRun trained = CliRun.of("train", "--task", "purchase", "--data", train.toString(), "--label", "label_purchase",
                "--positive", "yes", "--holdout", "0", "--models", models.toString());
        assertEquals(ExitCode.BAD_DATA, trained.exitCode(), trained.err());
        assertTrue(trained.err().contains("train.csv does not match train.csv.meta.json"), trained.err());
        assertFalse(Files.exists(models.resolve("purchase")), "no model is trained from it");
    }

    @Test
    void optionMistakesAreUsageErrors() {
        Path out = dir.resolve("f.csv");
        assertEquals(ExitCode.USAGE, features(out, "--as-of", "30/06/2024").exitCode());
        assertEquals(ExitCode.USAGE, features(out, "--as-of", "2024-06-30", "--horizon", "soon").exitCode());
        assertEquals(ExitCode.USAGE, features(out, "--as-of", "2024-06-30", "--date-format", "yyyy-MM-dd {").exitCode());
        CliRun before = features(out, "--as-of", "2020-01-01");
        assertEquals(ExitCode.USAGE, before.exitCode());
        assertTrue(before.err().contains("before the log's first transaction"), before.err());
        CliRun noValue = CliRun.of("features", "--transactions", log.toString(), "--customer", "customer_id", "--date", "order_time",
                "--as-of", "2024-06-30", "--out", out.toString());
        assertEquals(ExitCode.USAGE, noValue.exitCode());
        assertTrue(noValue.err().contains("--amount, or with --quantity and --price"), noValue.err());
    }

    private long orderLines() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.count() - 1;
        }
    }

    private static Path onlyBundle(Path taskDirectory) throws IOException {
        try (Stream<Path> versions = Files.list(taskDirectory)) {
            List<Path> bundles = versions.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertEquals(1, bundles.size(), bundles.toString());
            return bundles.get(0);
        }
    }
}
