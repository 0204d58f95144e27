// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.OutcomeDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targeting by each customer's predicted uplift, against hand-computed values and a brute-force ranking. */
class UpliftTargetingTest {
    private static final List<String> GROUPS = List.of("persuadables", "sure-things", "lost-causes", "sleeping-dogs");

    @TempDir
    Path dir;

    private record Listed(String id, String[] cells, double netValue, double cumulative) {
    }

    private static List<Listed> list(ContactPlanner planner, ContactPlan plan) {
        List<Listed> rows = new ArrayList<>();
        planner.writeList(plan, Long.MAX_VALUE, new ContactSink() {
            @Override
            public void header(List<String> columns) {
                assertEquals(List.of("rank", "customer_id", plan.summary().task() + "_probability", "clv", "retention_uplift",
                        "retention_group", "expected_net_value", "cumulative_expected_net_value"), columns);
            }

            @Override
            public void contact(long rank, String id, String[] cells, double netValue, double cumulativeNetValue) {
                assertEquals(rows.size() + 1, rank);
                rows.add(new Listed(id, cells.clone(), netValue, cumulativeNetValue));
            }
        });
        return rows;
    }

    private static TargetingRequest uplift(String task, double offerCost, String outcome, Double budget, Long maxCustomers) {
        return TargetingRequest.of(task, offerCost, null, "retention", outcome, budget, maxCustomers);
    }

    /** The hand-made table: A..F valued, G without an uplift, H without a CLV. */
    private Path handMade() throws IOException {
        return UpliftFixtures.snapshot(dir.resolve("snapshots"), "hand", "retention", List.of(
                new UpliftFixtures.Customer("A", "100", "0.1", "0.10", "persuadables"),
                new UpliftFixtures.Customer("B", "100", "0.2", "0.05", "persuadables"),
                new UpliftFixtures.Customer("C", "200", "0.3", "0.005", "sure-things"),
                new UpliftFixtures.Customer("D", "500", "0.4", "-0.002", "lost-causes"),
                new UpliftFixtures.Customer("E", "50", "0.5", "-0.20", "sleeping-dogs"),
                new UpliftFixtures.Customer("F", "10", "0.6", "0.30", "persuadables"),
                new UpliftFixtures.Customer("G", "100", "0.7", "", ""),
                new UpliftFixtures.Customer("H", "", "0.8", "0.02", "persuadables")));
    }

    @Test
    void aWantedOutcomeGainsUpliftTimesClvAndSleepingDogsFallBelowTheCut() throws IOException {
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 2);
        ContactPlan plan = planner.plan(handMade(), uplift("purchase", 2, null, null, null));
        // net = uplift x clv - 2: A 0.10 x 100 - 2 = 8, B 0.05 x 100 - 2 = 3, F 0.30 x 10 - 2 = 1,
        // C 0.005 x 200 - 2 = -1, D -0.002 x 500 - 2 = -3, E -0.20 x 50 - 2 = -12.
        List<Listed> listed = list(planner, plan);
        assertEquals(List.of("A", "B", "F"), listed.stream().map(Listed::id).toList());
        assertEquals(List.of(8.0, 3.0, 1.0), listed.stream().map(l -> Math.round(l.netValue() * 1e9) / 1e9).toList());
        assertEquals(12, listed.get(2).cumulative(), 1e-9, "8 + 3 + 1");
        assertEquals(List.of("0.5", "10", "0.30", "persuadables"), List.of(listed.get(2).cells()), "F's cells as the file has them");

        TargetingSummary summary = plan.summary();
        assertEquals("uplift", summary.method());
        assertNull(summary.saveRate());
        assertEquals(8, summary.customers());
        assertEquals(6, summary.customersValued());
        assertEquals(2, summary.customersWithoutValue(), "G has no uplift, H no clv");
        assertEquals(3, summary.customersWorthContacting());
        assertEquals(3, summary.bestCutoff().customers());
        assertEquals(12, summary.bestCutoff().expectedNetValue(), 1e-9);
        assertEquals(18, summary.bestCutoff().expectedSavedValue(), 1e-9, "10 + 5 + 3 gained");
        // Contacting all six: 8 + 3 + 1 - 1 - 3 - 12 = -4, for 10 + 5 + 3 + 1 - 1 - 10 = 8 gained and 12 spent.
        CurvePoint everyone = plan.curve().get(plan.curve().size() - 1);
        assertEquals(6, everyone.customers());
        assertEquals(-4, everyone.expectedNetValue(), 1e-9);
        assertEquals(8, everyone.expectedSavedValue(), 1e-9);
        assertEquals(12, everyone.cost(), 1e-9);
        assertTrue(plan.curve().stream().allMatch(point -> point.expectedNetValue() <= summary.bestCutoff().expectedNetValue() + 1e-9),
                "no point of the curve beats the best cut-off");
        assertTrue(summary.formula().contains("retention_uplift x clv - offer_cost") && !summary.formula().contains("-retention_uplift"),
                summary.formula());

        TargetingSummary.UpliftTargeting counts = summary.uplift();
        assertEquals("wanted", counts.outcome(), "purchase's own direction");
        assertEquals(Map.of("persuadables", 3L, "sure-things", 0L, "lost-causes", 0L, "sleeping-dogs", 0L), counts.contactedByGroup());
        assertEquals(Map.of("persuadables", 3L, "sure-things", 1L, "lost-causes", 1L, "sleeping-dogs", 1L), counts.valuedByGroup());
        assertEquals(1, counts.sleepingDogsAvoided(), "E");
        assertEquals(2, counts.customersHarmedByContact(), "D and E have a negative gain");
    }

    @Test
    void anUnwantedOutcomeGainsMinusUpliftTimesClv() throws IOException {
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 100);
        ContactPlan plan = planner.plan(handMade(), uplift("churn", 2, null, null, null));
        // net = -uplift x clv - 2: E 0.20 x 50 - 2 = 8, D 0.002 x 500 - 2 = -1, C -1 - 2 = -3, F -3 - 2 = -5,
        // B -5 - 2 = -7, A -10 - 2 = -12.
        assertEquals("unwanted", plan.summary().uplift().outcome(), "churn's own direction");
        assertEquals(List.of("E"), list(planner, plan).stream().map(Listed::id).toList());
        assertEquals(8, plan.summary().bestCutoff().expectedNetValue(), 1e-9);
        assertEquals(8 - 1 - 3 - 5 - 7 - 12, plan.curve().get(plan.curve().size() - 1).expectedNetValue(), 1e-9);
        assertEquals(1, plan.summary().uplift().contactedByGroup().get("sleeping-dogs"), "the snapshot's label, kept as it is");
        assertEquals(4, plan.summary().uplift().customersHarmedByContact(), "A, B, C and F: their uplift raises churn");
        assertTrue(plan.summary().formula().contains("-retention_uplift x clv"), plan.summary().formula());

        ContactPlan stated = planner.plan(handMade(), uplift("churn", 2, "wanted", null, null));
        assertEquals(List.of("A", "B", "F"), list(planner, stated).stream().map(Listed::id).toList(), "the stated direction wins");
    }

    @Test
    void theDirectionTheCampaignWasTrainedWithBeatsTheTasksDefault() throws IOException {
        // The snapshot records that the retention campaign's model was trained on a wanted outcome (say, a renewal):
        // targeting it for the churn task must not flip the sign, so the ranking is the wanted one (A, B, F).
        Path snapshot = handMade();
        Files.writeString(snapshot.resolve("manifest.json"), "{\"uplift\": {\"retention\": {\"version\": \"v\", \"outcome\": \"wanted\"}}}");
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 100);
        ContactPlan plan = planner.plan(snapshot, uplift("churn", 2, null, null, null));
        assertEquals("wanted", plan.summary().uplift().outcome());
        assertEquals(List.of("A", "B", "F"), list(planner, plan).stream().map(Listed::id).toList());

        ContactPlan stated = planner.plan(snapshot, uplift("churn", 2, "unwanted", null, null));
        assertEquals(List.of("E"), list(planner, stated).stream().map(Listed::id).toList(), "a stated direction still wins");
    }

    @Test
    void aBudgetOrAMaximumCutsTheUpliftRanking() throws IOException {
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 2);
        Path snapshot = handMade();
        ContactPlan byBudget = planner.plan(snapshot, uplift("purchase", 2, null, 5.0, null));
        assertEquals(2, byBudget.summary().budgetCutoff().customers(), "floor(5 / 2)");
        assertEquals(List.of("A", "B"), list(planner, byBudget).stream().map(Listed::id).toList());
        assertEquals(11, byBudget.summary().contacted().expectedNetValue(), 1e-9);
        ContactPlan byCount = planner.plan(snapshot, uplift("purchase", 2, null, null, 5L));
        assertEquals(5, byCount.summary().budgetCutoff().customers());
        assertEquals(-1 + 8 + 3 + 1 - 3, byCount.summary().budgetCutoff().expectedNetValue(), 1e-9, "the budget cut-off reaches C and D");
        assertEquals(3, byCount.summary().contacted().customers(), "but only those worth contacting are listed");
    }

    @Test
    void groupCountsFollowTheListWhenTiesAtTheCutSpanGroups() throws IOException {
        // Offer free: P gains 0.05 x 100 = 5; L1, S1, L2, S2 each 0.005 x 200, the same product, tied across two groups.
        Path snapshot = UpliftFixtures.snapshot(dir.resolve("snapshots"), "ties", "retention", List.of(
                new UpliftFixtures.Customer("L1", "200", "0.1", "0.005", "lost-causes"),
                new UpliftFixtures.Customer("P", "100", "0.1", "0.05", "persuadables"),
                new UpliftFixtures.Customer("S1", "200", "0.1", "0.005", "sure-things"),
                new UpliftFixtures.Customer("L2", "200", "0.1", "0.005", "lost-causes"),
                new UpliftFixtures.Customer("S2", "200", "0.1", "0.005", "sure-things")));
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 2);
        for (long max = 0; max <= 5; max++) {
            ContactPlan plan = planner.plan(snapshot, uplift("purchase", 0, null, null, max));
            List<Listed> listed = list(planner, plan);
            assertEquals(List.of("P", "L1", "S1", "L2", "S2").subList(0, (int) max), listed.stream().map(Listed::id).toList());
            Map<String, Long> fromList = new TreeMap<>();
            GROUPS.forEach(group -> fromList.put(group, listed.stream().filter(l -> l.cells()[3].equals(group)).count()));
            assertEquals(fromList, new TreeMap<>(plan.summary().uplift().contactedByGroup()), "at most " + max);
        }
    }

    @Test
    void theRankingCutAndCountsMatchABruteForceInBothDirections() throws IOException {
        List<UpliftFixtures.Customer> customers = UpliftFixtures.customers(700, 11);
        Path snapshot = UpliftFixtures.snapshot(dir.resolve("snapshots"), "many", "retention", customers);
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 13);
        for (String outcome : List.of("wanted", "unwanted")) {
            int sign = outcome.equals("wanted") ? 1 : -1;
            List<UpliftFixtures.Valued> expected = UpliftFixtures.bruteForce(customers, sign, 4);
            long worth = expected.stream().filter(v -> v.netValue() > 0).count();
            assertTrue(worth > 30 && worth < expected.size() - 30, "customers on both sides of zero: " + worth);
            for (Long max : new Long[]{null, 40L, worth + 25}) {
                ContactPlan plan = planner.plan(snapshot, uplift("churn", 4, outcome, null, max));
                long contacts = max == null ? worth : Math.min(worth, max);
                List<Listed> listed = list(planner, plan);
                String where = outcome + ", max " + max;
                assertEquals(expected.subList(0, (int) contacts).stream().map(v -> v.customer().id()).toList(),
                        listed.stream().map(Listed::id).toList(), where);
                double cumulative = 0;
                for (int i = 0; i < listed.size(); i++) {
                    cumulative += expected.get(i).netValue();
                    assertEquals(expected.get(i).netValue(), listed.get(i).netValue(), 1e-9, where);
                    assertEquals(cumulative, listed.get(i).cumulative(), 1e-6, where);
                }
                TargetingSummary summary = plan.summary();
                assertEquals(expected.size(), summary.customersValued(), where);
                assertEquals(customers.size() - expected.size(), summary.customersWithoutValue(), where);
                assertEquals(worth, summary.bestCutoff().customers(), where);
                assertEquals(cumulative, summary.contacted().expectedNetValue(), 1e-6, where);
                for (String group : GROUPS) {
                    long contacted = expected.subList(0, (int) contacts).stream().filter(v -> v.customer().group().equals(group)).count();
                    assertEquals(contacted, summary.uplift().contactedByGroup().get(group), where + ", " + group);
                    assertEquals(expected.stream().filter(v -> v.customer().group().equals(group)).count(),
                            summary.uplift().valuedByGroup().get(group), where + ", " + group);
                }
                long dogs = expected.stream().filter(v -> v.customer().group().equals("sleeping-dogs")).count();
                assertEquals(dogs - summary.uplift().contactedByGroup().get("sleeping-dogs"), summary.uplift().sleepingDogsAvoided(), where);
                assertEquals(expected.stream().filter(v -> v.gain() < 0).count(), summary.uplift().customersHarmedByContact(), where);
                for (CurvePoint point : plan.curve()) {
                    double sum = expected.subList(0, (int) point.customers()).stream().mapToDouble(UpliftFixtures.Valued::netValue).sum();
                    assertEquals(sum, point.expectedNetValue(), 1e-6, where + ", curve at " + point.customers());
                }
            }
        }
        try (Stream<Path> left = Files.list(dir.resolve("spill"))) {
            assertEquals(0, left.count(), "the sorted runs are gone");
        }
    }

    @Test
    void saveRateAndUpliftExcludeEachOtherAndOneIsRequired() {
        TargetingInputException both = assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("churn", 1.0, 0.2, "retention", null, null, null));
        assertEquals(List.of(TargetingField.UPLIFT), both.problems().stream().map(TargetingInputException.Problem::field).toList());
        TargetingInputException neither = assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("churn", 1.0, null, null, null, null, null));
        assertEquals(List.of(TargetingField.SAVE_RATE), neither.problems().stream().map(TargetingInputException.Problem::field).toList());
        assertTrue(neither.getMessage().contains("or an uplift campaign"), neither.getMessage());
        assertEquals(TargetingField.UPLIFT_OUTCOME, assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("churn", 1.0, 0.2, null, "wanted", null, null)).problems().get(0).field());
        assertEquals(TargetingField.UPLIFT_OUTCOME, assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("churn", 1.0, null, "retention", "better", null, null)).problems().get(0).field());
        assertEquals(TargetingField.UPLIFT, assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("churn", 1.0, null, "Retention_Q3", null, null, null)).problems().get(0).field());
        assertEquals(new ContactEffect.Uplift("retention", OutcomeDirection.UNWANTED, false),
                TargetingRequest.of("churn", 1.0, null, "retention", null, null, null).effect());
        assertEquals(new ContactEffect.Uplift("retention", OutcomeDirection.WANTED, false),
                TargetingRequest.of("conversion", 1.0, null, "retention", null, null, null).effect());
    }

    @Test
    void aSnapshotWithoutTheCampaignsColumnsIsRefusedNamingTheUpliftColumnsItHas() throws IOException {
        Path snapshot = handMade();
        TargetingInputException missing = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(snapshot, TargetingRequest.of("churn", 1.0, null, "winback", null, null, null)));
        assertEquals(TargetingField.UPLIFT, missing.problems().get(0).field());
        assertTrue(missing.getMessage().contains("no winback_uplift and winback_group columns; its uplift columns are retention_uplift,"
                + " retention_group"), missing.getMessage());
        Path plain = TargetingFixtures.snapshot(dir.resolve("plain"), "p", TargetingFixtures.customers(10, 1), true);
        TargetingInputException none = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(plain, TargetingRequest.of("churn", 1.0, null, "winback", null, null, null)));
        assertTrue(none.getMessage().contains("it has no uplift columns at all"), none.getMessage());
    }

    @Test
    void anUpliftOutsideMinusOneToOneOrAnUnknownGroupIsRefusedWithItsLine() throws IOException {
        List<UpliftFixtures.Customer> customers = new ArrayList<>(UpliftFixtures.customers(30, 2));
        customers.set(20, new UpliftFixtures.Customer("X", "100", "0.5", "1.5", "persuadables"));
        Path outside = UpliftFixtures.snapshot(dir.resolve("a"), "s", "retention", customers);
        TargetingInputException range = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(outside, uplift("churn", 1, null, null, null)));
        assertTrue(range.getMessage().contains("scores.csv, line 22, column 'retention_uplift'") && range.getMessage().contains("'1.5'"),
                range.getMessage());
        customers.set(20, new UpliftFixtures.Customer("X", "100", "0.5", "high", "persuadables"));
        Path text = UpliftFixtures.snapshot(dir.resolve("b"), "s", "retention", customers);
        assertTrue(assertThrows(TargetingInputException.class, () -> new ContactPlanner().plan(text, uplift("churn", 1, null, null, null)))
                .getMessage().contains("line 22"));
        customers.set(20, new UpliftFixtures.Customer("X", "100", "0.5", "0.2", "movables"));
        Path group = UpliftFixtures.snapshot(dir.resolve("c"), "s", "retention", customers);
        TargetingInputException label = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(group, uplift("churn", 1, null, null, null)));
        assertTrue(label.getMessage().contains("line 22, column 'retention_group'") && label.getMessage().contains("'movables'"),
                label.getMessage());
    }
}
