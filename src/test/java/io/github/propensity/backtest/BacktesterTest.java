// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.propensity.data.DataException;
import io.github.propensity.evaluation.DecileRow;
import io.github.propensity.model.Task;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.training.LabelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backtests of a snapshot made by the real rescoring, checked against computations written here from the files. */
class BacktesterTest {
    private static final int CUSTOMERS = 1200;
    private static final ObjectMapper JSON = JsonMappers.standard();

    @TempDir
    static Path shared;
    static Path models;
    static Path snapshot;
    static List<BacktestFixtures.Customer> customers;

    @TempDir
    Path dir;

    @BeforeAll
    static void rescore() throws IOException {
        models = BacktestFixtures.copyModels(shared.resolve("models"));
        Path base = BacktestFixtures.base(shared.resolve("base.csv"), CUSTOMERS, 11);
        snapshot = BacktestFixtures.rescore(base, models, shared.resolve("snapshots"), List.of(Task.CHURN, Task.PURCHASE));
        customers = BacktestFixtures.customers(base);
    }

    private static Backtester backtester() {
        return new Backtester(Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
    }

    private static BacktestRequest request(Path snapshotFolder, Path outcomes, Path modelDirectory) {
        return new BacktestRequest(snapshotFolder, outcomes, "customer_id", Task.CHURN, new LabelSpec("churned", "yes"), modelDirectory, null);
    }

    /**
     * Every 13th customer left out, customer 7 with an empty outcome, customer 0 repeated with the other outcome,
     * four ids the snapshot never scored and one record without an id.
     */
    private Path craftedOutcomes() throws IOException {
        List<String> lines = new ArrayList<>(List.of("customer_id,churned"));
        for (int i = 0; i < customers.size(); i++) {
            if (i % 13 == 5) {
                continue;
            }
            lines.add(customers.get(i).id() + "," + (i == 7 ? "" : customers.get(i).churned()));
        }
        lines.add(customers.get(0).id() + "," + (customers.get(0).churned().equals("yes") ? "no" : "yes"));
        lines.addAll(List.of("Z1,yes", "Z2,no", "Z3,no", "Z4,yes", ",yes"));
        return BacktestFixtures.write(dir.resolve("outcomes.csv"), lines);
    }

    /** The matched customers' probabilities and outcomes in the scores file's order, by a plain map join. */
    private static List<double[]> matchedByHand(Path snapshotFolder) {
        Map<String, Boolean> outcome = matchedIds();
        List<double[]> matched = new ArrayList<>();
        for (BacktestFixtures.Scored row : BacktestFixtures.scores(snapshotFolder, Task.CHURN)) {
            Boolean positive = outcome.get(row.id());
            if (positive != null) {
                matched.add(new double[]{row.probability(), positive ? 1 : 0});
            }
        }
        return matched;
    }

    /** AUC as the share of (positive, negative) pairs ordered right, ties counting half. */
    static double aucByPairs(List<double[]> rows) {
        double ordered = 0;
        long pairs = 0;
        for (double[] positive : rows) {
            if (positive[1] != 1) {
                continue;
            }
            for (double[] negative : rows) {
                if (negative[1] != 0) {
                    continue;
                }
                pairs++;
                ordered += positive[0] > negative[0] ? 1 : positive[0] == negative[0] ? 0.5 : 0;
            }
        }
        return ordered / pairs;
    }

    @Test
    void countsTheJoinBothWaysAndTheRepeatedOutcomeIds() throws IOException {
        BacktestEntry entry = backtester().run(request(snapshot, craftedOutcomes(), models));
        long dropped = IntStream.range(0, CUSTOMERS).filter(i -> i % 13 == 5).count();
        JoinCounts join = entry.join();
        // records: the kept customers (7 among them, unlabelled), the repeat, four unknown ids, one without an id
        assertEquals(CUSTOMERS - dropped + 1 + 4 + 1, join.outcomeRows());
        assertEquals(1, join.unlabelledOutcomes());
        assertEquals(1, join.outcomesWithoutId());
        assertEquals(1, join.repeatedOutcomeIds());
        assertEquals(4, join.outcomesNotInSnapshot());
        assertEquals(CUSTOMERS, join.snapshotCustomers());
        assertEquals(CUSTOMERS - dropped - 1, join.matched());
        assertEquals(dropped + 1, join.snapshotCustomersWithoutOutcome());
        assertEquals("outcomes.csv", entry.outcomes().file());
    }

    @Test
    void measuresWhatASecondComputationFromTheFilesFinds() throws IOException {
        BacktestEntry entry = backtester().run(request(snapshot, craftedOutcomes(), models));
        List<double[]> matched = matchedByHand(snapshot);
        int n = matched.size();
        assertEquals(n, ((Number) entry.realized().get("rows")).intValue());
        assertEquals(aucByPairs(matched), (double) entry.realized().get("auc"), 1e-12);
        // The first customer keeps its first outcome: the repeat with the other outcome changed nothing above.

        double brier = matched.stream().mapToDouble(r -> (r[0] - r[1]) * (r[0] - r[1])).sum() / n;
        assertEquals(brier, (double) entry.realized().get("brier"), 1e-12);

        // Deciles: rows by probability, highest first, ties in file order (a stable sort), the first n % 10 one larger.
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        order.sort(Comparator.comparingDouble((Integer i) -> matched.get(i)[0]).reversed());
        int start = 0;
        for (int d = 0; d < 10; d++) {
            int size = n / 10 + (d < n % 10 ? 1 : 0);
            double positives = 0;
            double probabilities = 0;
            for (int k = start; k < start + size; k++) {
                positives += matched.get(order.get(k))[1];
                probabilities += matched.get(order.get(k))[0];
            }
            DecileRow row = entry.deciles().get(d);
            assertEquals(size, row.rows(), "decile " + (d + 1));
            assertEquals(positives / size, row.positiveRate(), 1e-12, "realized rate of decile " + (d + 1));
            assertEquals(probabilities / size, row.meanProbability(), 1e-12, "mean predicted of decile " + (d + 1));
            start += size;
        }

        // ECE: ten bins of width 0.1 (1.0 in the last), sum over bins of share x |mean probability - rate|.
        double[] count = new double[10];
        double[] sum = new double[10];
        double[] hits = new double[10];
        for (double[] r : matched) {
            int bin = Math.min(9, (int) Math.floor(r[0] * 10));
            count[bin]++;
            sum[bin] += r[0];
            hits[bin] += r[1];
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            ece += count[b] == 0 ? 0 : count[b] / n * Math.abs(sum[b] / count[b] - hits[b] / count[b]);
        }
        assertEquals(ece, (double) entry.realized().get("ece"), 1e-12);

        // Bands: the snapshot's churn_band of each matched customer.
        Map<String, double[]> byBand = new LinkedHashMap<>();
        Map<String, Boolean> outcome = matchedIds();
        double baseRate = matched.stream().mapToDouble(r -> r[1]).sum() / n;
        for (BacktestFixtures.Scored row : BacktestFixtures.scores(snapshot, Task.CHURN)) {
            if (outcome.containsKey(row.id())) {
                double[] totals = byBand.computeIfAbsent(row.band(), b -> new double[3]);
                totals[0]++;
                totals[1] += outcome.get(row.id()) ? 1 : 0;
                totals[2] += row.probability();
            }
        }
        assertEquals(byBand.keySet().stream().sorted().toList(), entry.bands().stream().map(BandOutcome::band).sorted().toList());
        assertEquals(List.of("high", "medium", "low"), entry.bands().stream().map(BandOutcome::band).toList(), "highest band first");
        for (BandOutcome band : entry.bands()) {
            double[] totals = byBand.get(band.band());
            assertEquals((long) totals[0], band.rows());
            assertEquals(totals[1] / totals[0], band.realizedRate(), 1e-12);
            assertEquals(totals[2] / totals[0], band.meanPredicted(), 1e-12);
            assertEquals(totals[1] / totals[0] / baseRate, band.lift(), 1e-9);
        }
    }

    /** The outcome of each customer the crafted file gives one for, by id (customer 0's first record wins). */
    private static Map<String, Boolean> matchedIds() {
        Map<String, Boolean> ids = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            if (i % 13 != 5 && i != 7) {
                ids.put(customers.get(i).id(), customers.get(i).churned().equals("yes"));
            }
        }
        return ids;
    }

    @Test
    void comparesWithTheCardOfTheModelThatScoredTheSnapshot() throws IOException {
        BacktestEntry entry = backtester().run(request(snapshot, craftedOutcomes(), models));
        JsonNode manifest = JSON.readTree(snapshot.resolve("manifest.json").toFile());
        String version = manifest.path("models").path("churn").path("version").asText();
        assertEquals(version, entry.modelVersion());
        JsonNode holdout = JSON.readTree(models.resolve("churn").resolve(version).resolve("card.json").toFile())
                .path("metrics").path("test").path("summary");
        assertEquals("test", entry.card().split());
        assertEquals(holdout.path("auc").asDouble(), entry.card().auc(), 0);
        assertEquals(holdout.path("ece").asDouble(), entry.card().ece(), 0);
        assertEquals(holdout.path("auc").asDouble() - (double) entry.realized().get("auc"), entry.aucGap(), 1e-12);
        assertNull(entry.cardProblem());
    }

    @Test
    void aCardThatIsGoneIsSaidAndTheRealizedFiguresAreStillMeasured() throws IOException {
        Path damaged = BacktestFixtures.copyModels(dir.resolve("models"));
        String version = backtester().run(request(snapshot, craftedOutcomes(), models)).modelVersion();
        Files.delete(damaged.resolve("churn").resolve(version).resolve("card.json"));
        BacktestEntry entry = backtester().run(request(snapshot, craftedOutcomes(), damaged));
        assertNull(entry.card());
        assertNull(entry.aucGap());
        assertTrue(entry.cardProblem().contains("is gone"), entry.cardProblem());
        assertEquals(aucByPairs(matchedByHand(snapshot)), (double) entry.realized().get("auc"), 1e-12);
        assertTrue(entry.flags().stream().noneMatch(f -> f.kind() == BacktestFlag.Kind.AUC_DROP), "no AUC to compare with");
    }

    @Test
    void flagsAnAucDropBeyondTheThresholdAndNamesTheDriftedInputs() throws IOException {
        double realized = aucByPairs(matchedByHand(snapshot));
        Path edited = BacktestFixtures.copyModels(dir.resolve("models"));
        String version = JSON.readTree(snapshot.resolve("manifest.json").toFile()).path("models").path("churn").path("version").asText();
        Path card = edited.resolve("churn").resolve(version).resolve("card.json");
        Path copy = Files.createDirectories(dir.resolve("snapshots").resolve(snapshot.getFileName().toString()));
        try (Stream<Path> files = Files.list(snapshot)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName().toString()));
            }
        }
        ObjectNode drift = (ObjectNode) JSON.readTree(copy.resolve("drift.json").toFile());
        List<String> drifted = new ArrayList<>();
        for (JsonNode feature : drift.path("tasks").path("churn").path("features")) {
            if (drifted.size() < 2) {
                ((ObjectNode) feature).put("flagged", true);
                drifted.add(feature.path("column").asText());
            } else {
                ((ObjectNode) feature).put("flagged", false);
            }
        }
        ((ObjectNode) drift.path("tasks").path("churn")).put("score_flagged", false);
        JSON.writeValue(copy.resolve("drift.json").toFile(), drift);

        setCardAuc(card, realized + 0.049);
        BacktestEntry within = backtester().run(request(copy, craftedOutcomes(), edited));
        assertTrue(within.flags().stream().noneMatch(f -> f.kind() == BacktestFlag.Kind.AUC_DROP), within.flags().toString());
        assertEquals(drifted, within.driftedInputs());

        setCardAuc(card, realized + 0.051);
        BacktestEntry beyond = backtester().run(request(copy, craftedOutcomes(), edited));
        BacktestFlag flag = beyond.flags().stream().filter(f -> f.kind() == BacktestFlag.Kind.AUC_DROP).findFirst().orElseThrow();
        assertEquals(drifted, flag.likelyCause());
        for (String input : drifted) {
            assertTrue(flag.message().contains(input), flag.message());
        }
        assertTrue(flag.message().contains("likely cause"), flag.message());
    }

    private static void setCardAuc(Path card, double auc) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(card.toFile());
        ((ObjectNode) node.path("metrics").path("test").path("summary")).put("auc", auc);
        JSON.writeValue(card.toFile(), node);
    }

    @Test
    void refusesMoreRepeatedOutcomeIdsThanRescoringAcceptsAsBadRows() throws IOException {
        // Two repeats in 1,202 records is 0.17 %, above the 0.1 % rescoring allows by default.
        List<String> lines = new ArrayList<>(List.of("customer_id,churned"));
        customers.forEach(c -> lines.add(c.id() + "," + c.churned()));
        lines.add(customers.get(0).id() + ",yes");
        lines.add(customers.get(1).id() + ",no");
        Path outcomes = BacktestFixtures.write(dir.resolve("repeats.csv"), lines);
        DataException failure = assertThrows(DataException.class, () -> backtester().run(request(snapshot, outcomes, models)));
        assertTrue(failure.getMessage().contains("2 of 1202 records repeat the id of an earlier record"), failure.getMessage());

        lines.remove(lines.size() - 1);
        BacktestEntry one = backtester().run(request(snapshot, BacktestFixtures.write(dir.resolve("repeat.csv"), lines), models));
        assertEquals(1, one.join().repeatedOutcomeIds(), "one in 1,201 is within the share");
        assertFalse(one.join().matched() == 0);
    }
}
