// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At-risk lists ranked by expected loss, P(churn) x CLV, against a ranking computed here from the scores file. */
class ExpectedLossListTest {
    @TempDir
    static Path dir;
    static ModelRegistry withValue;
    static ModelRegistry withoutValue;

    @BeforeAll
    static void snapshots() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("training-data", "customers.csv"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",clv_365d"));
        for (int row = 1; row < lines.size(); row++) {
            // Every 50th customer without a CLV: they come last.
            out.add(lines.get(row) + "," + (row % 50 == 0 ? "" : Integer.toString((row * 7919) % 2000) + ".25"));
        }
        Path base = Files.write(dir.resolve("base.csv"), out, StandardCharsets.UTF_8);
        new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(base, "customer_id"), Path.of("models"),
                new ScoresDestination.Snapshot(dir.resolve("with-value"), false), 2));
        new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(Path.of("training-data", "customers.csv"), "customer_id"),
                Path.of("models"), new ScoresDestination.Snapshot(dir.resolve("without-value"), false), 2));
        withValue = new ModelRegistry(Path.of("models"), dir.resolve("with-value"), BandCutoffs.DEFAULT, 60_000);
        withoutValue = new ModelRegistry(Path.of("models"), dir.resolve("without-value"), BandCutoffs.DEFAULT, 60_000);
    }

    @AfterAll
    static void close() {
        withValue.close();
        withoutValue.close();
    }

    private static SegmentLists.ListQuery byExpectedLoss(OptionalInt limit) {
        return new SegmentLists.ListQuery(limit, OptionalInt.empty(), Optional.empty(), Optional.of("expected_loss"), SegmentLists.Order.DESC);
    }

    private static List<String[]> list(SegmentLists lists, ModelRegistry registry, String segment, SegmentLists.ListQuery query,
                                       List<List<String>> header) {
        List<String[]> rows = new ArrayList<>();
        lists.customers(registry.current(), segment, query, new SegmentLists.RowSink() {
            @Override
            public void header(List<String> columns) {
                header.add(columns);
            }

            @Override
            public void row(String[] values) {
                rows.add(values);
            }
        });
        return rows;
    }

    @Test
    void theAtRiskListRanksByChurnProbabilityTimesClvWithCustomersWithoutClvLast() throws IOException {
        CustomerTable scores = CustomerTable.read(withValue.current().latestSnapshot().resolve("scores.csv"), null);
        int segment = scores.columnIndex("segment");
        int probability = scores.columnIndex("churn_probability");
        int clv = scores.columnIndex("clv");
        List<String[]> atRisk = scores.rows().stream().filter(row -> row[segment].equals("at-risk")).toList();
        Comparator<String[]> byLoss = Comparator.comparingDouble(row -> row[clv].isEmpty() ? Double.NEGATIVE_INFINITY
                : Double.parseDouble(row[probability]) * Double.parseDouble(row[clv]));
        List<String> expected = atRisk.stream().sorted(byLoss.reversed()).map(row -> row[0]).toList();
        assertTrue(atRisk.stream().anyMatch(row -> row[clv].isEmpty()), "some at-risk customers have no CLV");

        SegmentLists inRunsOfFifty = new SegmentLists(SegmentPolicy.defaults(), Files.createDirectories(dir.resolve("spill")), 50);
        List<List<String>> header = new ArrayList<>();
        List<String[]> rows = list(inRunsOfFifty, withValue, "at-risk", byExpectedLoss(OptionalInt.empty()), header);
        assertEquals(expected, rows.stream().map(row -> row[0]).toList());
        assertEquals("expected_loss", header.get(0).get(header.get(0).size() - 1));
        for (String[] row : rows) {
            String loss = row[row.length - 1];
            if (row[clv].isEmpty()) {
                assertEquals("", loss);
            } else {
                assertEquals(Double.parseDouble(row[probability]) * Double.parseDouble(row[clv]), Double.parseDouble(loss), 0.005);
            }
        }
        assertEquals(expected.subList(0, 10), list(inRunsOfFifty, withValue, "at-risk", byExpectedLoss(OptionalInt.of(10)), new ArrayList<>())
                .stream().map(row -> row[0]).toList());
    }

    @Test
    void expectedLossOnASnapshotWithoutClvIsRefusedNamingTheSortAndTheMissingColumn() {
        SegmentLists lists = new SegmentLists(SegmentPolicy.defaults());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> list(lists, withoutValue, "at-risk", byExpectedLoss(OptionalInt.of(5)), new ArrayList<>()));
        assertTrue(refused.getMessage().contains("sort=expected_loss") && refused.getMessage().contains("no clv"), refused.getMessage());
    }
}
