// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targeting over small hand-written snapshots, checked against a brute-force ranking of every customer. */
class ContactPlannerTest {
    private static final int CUSTOMERS = 400;

    @TempDir
    Path dir;

    /** What a brute force says: every valued customer's net value, best first, ties in file order. */
    private record Valued(String id, double netValue) {
    }

    private static List<Valued> bruteForce(List<TargetingFixtures.Customer> customers, double offerCost, double saveRate) {
        List<Valued> valued = new ArrayList<>();
        for (TargetingFixtures.Customer customer : customers) {
            if (customer.clv() != null) {
                valued.add(new Valued(customer.id(), customer.churn() * saveRate * customer.clv() - offerCost));
            }
        }
        // List.sort is stable: equal net values keep the file's order.
        valued.sort(Comparator.comparingDouble(Valued::netValue).reversed());
        return valued;
    }

    private static double sumOfTop(List<Valued> ranked, long count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ranked.get(i).netValue();
        }
        return sum;
    }

    /** The count in 0..n that maximizes the cumulative net value, the smallest on ties. */
    private static long bestCount(List<Valued> ranked) {
        long best = 0;
        double bestSum = 0;
        double sum = 0;
        for (int k = 1; k <= ranked.size(); k++) {
            sum += ranked.get(k - 1).netValue();
            if (sum > bestSum) {
                bestSum = sum;
                best = k;
            }
        }
        return best;
    }

    private record Listed(long rank, String id, double netValue, double cumulative) {
    }

    private static List<Listed> list(ContactPlanner planner, ContactPlan plan) {
        List<Listed> rows = new ArrayList<>();
        planner.writeList(plan, Long.MAX_VALUE, new ContactSink() {
            @Override
            public void header(List<String> columns) {
                assertEquals(List.of("rank", "customer_id", "churn_probability", "clv", "expected_net_value", "cumulative_expected_net_value"), columns);
            }

            @Override
            public void contact(long rank, String id, String[] cells, double netValue, double cumulativeNetValue) {
                rows.add(new Listed(rank, id, netValue, cumulativeNetValue));
            }
        });
        return rows;
    }

    @Test
    void theListRanksCustomersByExpectedNetValueAndStopsAtTheBestCutoff() throws IOException {
        List<TargetingFixtures.Customer> customers = TargetingFixtures.customers(CUSTOMERS, 3);
        Path snapshot = TargetingFixtures.snapshot(dir.resolve("snapshots"), "s1", customers, true);
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 7);
        ContactPlan plan = planner.plan(snapshot, TargetingRequest.of("churn", 40.0, 0.3, null, null, null, null));
        List<Valued> expected = bruteForce(customers, 40, 0.3);
        long best = bestCount(expected);
        assertTrue(best > 20 && best < expected.size() - 20, "the fixture has customers on both sides of zero: " + best);

        TargetingSummary summary = plan.summary();
        assertEquals(CUSTOMERS, summary.customers());
        assertEquals(expected.size(), summary.customersValued());
        assertEquals(CUSTOMERS - expected.size(), summary.customersWithoutValue());
        assertEquals(best, summary.customersWorthContacting());
        assertEquals(best, summary.bestCutoff().customers());
        assertEquals(sumOfTop(expected, best), summary.bestCutoff().expectedNetValue(), 1e-9);
        assertNull(summary.budgetCutoff(), "no budget, no budget cut-off");
        assertEquals(best, summary.contacted().customers());

        List<Listed> listed = list(planner, plan);
        assertEquals(best, listed.size());
        for (int i = 0; i < listed.size(); i++) {
            assertEquals(i + 1, listed.get(i).rank());
            assertEquals(expected.get(i).id(), listed.get(i).id(), "rank " + (i + 1));
            assertEquals(expected.get(i).netValue(), listed.get(i).netValue(), 0);
            assertEquals(sumOfTop(expected, i + 1), listed.get(i).cumulative(), 1e-9);
        }
        try (Stream<Path> left = Files.list(dir.resolve("spill"))) {
            assertEquals(0, left.count(), "the sorted runs are gone");
        }
    }

    @Test
    void theCurveGivesTheCumulativeNetValueOfEveryPrefixItNamesAndReachesEveryValuedCustomer() throws IOException {
        List<TargetingFixtures.Customer> customers = TargetingFixtures.customers(CUSTOMERS, 5);
        Path snapshot = TargetingFixtures.snapshot(dir.resolve("snapshots"), "s1", customers, true);
        ContactPlan plan = new ContactPlanner().plan(snapshot, TargetingRequest.of("churn", 12.5, 0.25, null, null, 1000.0, null));
        List<Valued> expected = bruteForce(customers, 12.5, 0.25);
        List<CurvePoint> curve = plan.curve();
        assertEquals(0, curve.get(0).customers());
        assertEquals(expected.size(), curve.get(curve.size() - 1).customers());
        long step = (expected.size() + 99) / 100;
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).customers() - curve.get(i - 1).customers() <= step, "a point every 1 % of the customers at least");
        }
        for (CurvePoint point : curve) {
            assertEquals(sumOfTop(expected, point.customers()), point.expectedNetValue(), 1e-9, "at " + point.customers());
            assertEquals(point.customers() * 12.5, point.cost(), 1e-9);
            assertEquals(point.expectedNetValue() + point.cost(), point.expectedSavedValue(), 1e-9);
        }
        long budgetCutoff = 80;
        assertEquals(budgetCutoff, plan.summary().budgetCutoff().customers(), "floor(1000 / 12.5)");
        assertEquals(sumOfTop(expected, budgetCutoff), plan.summary().budgetCutoff().expectedNetValue(), 1e-9);
        assertEquals(Math.min(budgetCutoff, bestCount(expected)), plan.summary().contacted().customers());
        assertTrue(curve.stream().anyMatch(point -> point.customers() == budgetCutoff), "the budget cut-off is on the curve");
    }

    @Test
    void aBudgetOrAMaximumCutsTheListAndTiesKeepTheFilesOrder() throws IOException {
        List<TargetingFixtures.Customer> customers = TargetingFixtures.customers(CUSTOMERS, 9);
        Path snapshot = TargetingFixtures.snapshot(dir.resolve("snapshots"), "s1", customers, true);
        ContactPlanner planner = new ContactPlanner(Files.createDirectories(dir.resolve("spill")), 5);
        List<Valued> expected = bruteForce(customers, 3, 0.1);
        ContactPlan byBudget = planner.plan(snapshot, TargetingRequest.of("churn", 3.0, 0.1, null, null, 100.0, null));
        assertEquals(33, byBudget.summary().contacted().customers(), "floor(100 / 3)");
        assertEquals(expected.subList(0, 33).stream().map(Valued::id).toList(), list(planner, byBudget).stream().map(Listed::id).toList());
        ContactPlan byCount = planner.plan(snapshot, TargetingRequest.of("churn", 3.0, 0.1, null, null, null, 57L));
        assertEquals(expected.subList(0, 57).stream().map(Valued::id).toList(), list(planner, byCount).stream().map(Listed::id).toList());
        long distinct = expected.subList(0, 57).stream().mapToDouble(Valued::netValue).distinct().count();
        assertTrue(distinct < 57, "the fixture's grid of CLVs makes ties among the listed");
        ContactPlan nobody = planner.plan(snapshot, TargetingRequest.of("churn", 3.0, 0.1, null, null, null, 0L));
        assertEquals(0, list(planner, nobody).size());
    }

    @Test
    void aSnapshotWithoutClvOrWithoutTheTaskIsRefusedNamingWhatIsMissing() throws IOException {
        Path withoutClv = TargetingFixtures.snapshot(dir.resolve("snapshots"), "plain", TargetingFixtures.customers(20, 1), false);
        TargetingInputException noClv = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(withoutClv, TargetingRequest.of("churn", 1.0, 0.5, null, null, null, null)));
        assertEquals(TargetingField.SNAPSHOT, noClv.problems().get(0).field());
        assertTrue(noClv.getMessage().contains("no clv column"), noClv.getMessage());

        Path withClv = TargetingFixtures.snapshot(dir.resolve("snapshots"), "value", TargetingFixtures.customers(20, 1), true);
        TargetingInputException notScored = assertThrows(TargetingInputException.class,
                () -> new ContactPlanner().plan(withClv, TargetingRequest.of("conversion", 1.0, 0.5, null, null, null, null)));
        assertEquals(TargetingField.TASK, notScored.problems().get(0).field());
        assertTrue(notScored.getMessage().contains("did not score conversion; it scored churn, purchase"), notScored.getMessage());
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        TargetingInputException all = assertThrows(TargetingInputException.class,
                () -> TargetingRequest.of("loyalty", -5.0, 1.5, null, null, 10.0, 3L));
        assertEquals(List.of(TargetingField.TASK, TargetingField.OFFER_COST, TargetingField.SAVE_RATE, TargetingField.MAX_CUSTOMERS),
                all.problems().stream().map(TargetingInputException.Problem::field).toList());
        TargetingInputException missing = assertThrows(TargetingInputException.class, () -> TargetingRequest.of(null, null, null, null, null, null, null));
        assertEquals(3, missing.problems().size());
        assertThrows(TargetingInputException.class, () -> TargetingRequest.of("churn", 1.0, 0.5, null, null, -1.0, null));
        assertThrows(TargetingInputException.class, () -> TargetingRequest.of("churn", 1.0, 0.5, null, null, null, -1L));
        assertThrows(TargetingInputException.class, () -> TargetingRequest.of("churn", Double.NaN, 0.5, null, null, null, null));
        assertEquals(Task.PURCHASE, TargetingRequest.of(" Purchase", 0.0, 0.0, null, null, null, null).task());
    }

    @Test
    void contactsThatCostNothingFitAnyBudget() {
        assertEquals(12, new ContactLimit.Budget(0).cutoff(0, 12));
        assertEquals(2, new ContactLimit.Budget(5).cutoff(2.4, 12));
        assertEquals(12, new ContactLimit.MaxCustomers(50).cutoff(2.4, 12));
    }
}
