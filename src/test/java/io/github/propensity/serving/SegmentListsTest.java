// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.Band;
import io.github.propensity.scoring.BandCutoffs;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segment lists over a real snapshot of the shipped sample, against rankings computed here from the scores file. */
class SegmentListsTest {
    @TempDir
    static Path dir;
    static ModelRegistry registry;

    @BeforeAll
    static void snapshot() {
        new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(Path.of("training-data", "customers.csv"), "customer_id"),
                Path.of("models"), new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), 2));
        registry = new ModelRegistry(Path.of("models"), dir.resolve("snapshots"), BandCutoffs.DEFAULT, 60_000);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static List<String> list(SegmentLists lists, String segment, SegmentLists.ListQuery query) {
        List<String> ids = new ArrayList<>();
        lists.customers(registry.current(), segment, query, new SegmentLists.RowSink() {
            @Override
            public void header(List<String> columns) {
                assertEquals("customer_id", columns.get(0));
            }

            @Override
            public void row(String[] values) {
                ids.add(values[0]);
            }
        });
        return ids;
    }

    private static List<String> expected(String segment, String column) {
        CustomerTable scores = CustomerTable.read(registry.current().latestSnapshot().resolve("scores.csv"), null);
        int segmentColumn = scores.columnIndex("segment");
        int valueColumn = scores.columnIndex(column);
        return scores.rows().stream().filter(row -> row[segmentColumn].equals(segment))
                .sorted(Comparator.comparingDouble((String[] row) -> Double.parseDouble(row[valueColumn])).reversed())
                .map(row -> row[0]).toList();
    }

    private static SegmentLists.ListQuery top(int limit) {
        return new SegmentLists.ListQuery(OptionalInt.of(limit), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                SegmentLists.Order.DESC);
    }

    @Test
    void anExternalSortInRunsGivesTheSameListAsOneHeldInMemory() throws IOException {
        Path spill = Files.createDirectories(dir.resolve("spill"));
        SegmentLists inRunsOfFifty = new SegmentLists(SegmentPolicy.defaults(), spill, 50);
        List<String> expected = expected("at-risk", "churn_probability");
        assertTrue(expected.size() > 300, "enough rows for several runs: " + expected.size());
        assertEquals(expected, list(inRunsOfFifty, "at-risk", SegmentLists.ListQuery.all()));
        assertEquals(expected.subList(0, 120), list(inRunsOfFifty, "at-risk", top(120)), "a limit above the rows in memory");
        assertEquals(expected.subList(0, 40), list(inRunsOfFifty, "at-risk", top(40)), "a limit within them: a heap");
        try (Stream<Path> left = Files.list(spill)) {
            assertEquals(0, left.count(), "no temporary run is left behind");
        }
    }

    @Test
    void aSegmentsOwnScoreIsTheFirstTaskItsRuleSetsABandFor() {
        SegmentLists lists = new SegmentLists(new SegmentPolicy(BandCutoffs.DEFAULT, List.of(
                new SegmentRule("upsell", Map.of(Task.PURCHASE, Set.of(Band.HIGH), Task.CONVERSION, Set.of(Band.HIGH))),
                new SegmentRule("free-plan", Map.of(), Map.of("plan", Set.of("free"))),
                new SegmentRule("everyone", Map.of()))));
        List<String> all = List.of("customer_id", "segment", "churn_probability", "purchase_probability", "conversion_probability");
        assertEquals("purchase_probability", lists.ownScore("upsell", all));
        assertEquals("churn_probability", lists.ownScore("free-plan", all), "a rule on no task: the first task scored");
        assertEquals("churn_probability", lists.ownScore("everyone", all));
        assertEquals("churn_probability", lists.ownScore("from-another-rules-file", all));
        List<String> withoutChurn = List.of("customer_id", "segment", "conversion_probability", "purchase_probability");
        assertEquals("purchase_probability", lists.ownScore("everyone", withoutChurn));
        assertEquals("purchase_probability", lists.ownScore("upsell", List.of("customer_id", "purchase_probability")));
        assertEquals("conversion_probability", lists.ownScore("upsell", List.of("customer_id", "conversion_probability")));
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> lists.ownScore("everyone", List.of("customer_id")));
        assertTrue(none.getMessage().contains("no probabilities"), none.getMessage());
    }

    @Test
    void refusesToSortByATextColumnNamingTheNumericOnes() {
        SegmentLists lists = new SegmentLists(SegmentPolicy.defaults());
        for (String column : List.of("customer_id", "segment", "churn_band", "churn_reason_2", "no_such_column")) {
            SegmentLists.ListQuery query = new SegmentLists.ListQuery(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.of(column), SegmentLists.Order.DESC);
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> list(lists, "at-risk", query));
            assertTrue(error.getMessage().contains("churn_probability") && error.getMessage().contains("'" + column + "'"),
                    error.getMessage());
        }
    }

    @Test
    void listQueriesRefuseValuesOutsideTheirRange() {
        assertThrows(InvalidInputException.class, () -> top(-1));
        assertThrows(InvalidInputException.class, () -> new SegmentLists.ListQuery(OptionalInt.empty(), OptionalInt.of(101),
                Optional.of(Task.CHURN), Optional.empty(), SegmentLists.Order.DESC));
        assertThrows(InvalidInputException.class, () -> new SegmentLists.ListQuery(OptionalInt.empty(), OptionalInt.of(50),
                Optional.empty(), Optional.empty(), SegmentLists.Order.DESC));
        assertEquals(SegmentLists.Order.ASC, SegmentLists.Order.parse(" ASC"));
        assertThrows(InvalidInputException.class, () -> SegmentLists.Order.parse("up"));
    }
}
