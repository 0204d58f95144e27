// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.propensity.transactions.LogFixture.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small log computed by hand: every feature, score, segment and label of each customer. */
class PointInTimeFeaturesTest {
    @TempDir
    Path dir;

    private FeatureTable table;
    private Map<String, CustomerRow> rows;

    @BeforeEach
    void build() throws IOException {
        Path file = new LogFixture()
                .buy("a", "2024-01-01", 100).buy("a", "2024-03-01", 50).buy("a", "2024-06-30", 30)
                .line("C1", "a", "2024-06-15", -1, -20)
                .buy("a", "2024-07-15", 70).buy("a", "2024-10-01", 70)
                .buy("b", "2023-07-01", 40)
                .buy("c", "2024-07-01", 10)
                .buy("d", "2024-06-01", 10).buy("d", "2024-06-20", 10).buy("d", "2024-09-28", 10)
                .buy("e", "2024-05-01", 500).buy("e", "2024-09-29", 5)
                .line("C2", "f", "2024-06-01", -1, -15)
                .buy("g", "2024-12-31", 1)
                .write(dir.resolve("log.csv"));
        FeatureSettings settings = new FeatureSettings(List.of(date("2024-06-30")), 90, 365, LabelChoice.BOTH);
        table = new FeatureBuilder(settings).build(LogFixture.read(file));
        rows = table.rows().stream().collect(Collectors.toMap(CustomerRow::customerId, Function.identity()));
    }

    private double value(String customer, String feature) {
        return rows.get(customer).values()[table.layout().position(feature)];
    }

    @Test
    void onlyCustomersWithAPurchaseByTheAsOfDateAreInTheTable() {
        assertEquals(List.of("a", "b", "d", "e"), table.rows().stream().map(CustomerRow::customerId).toList(),
                "c buys first after the cut-off, f only returned something, g only later");
    }

    @Test
    void recencyFrequencyAndMonetaryWindows() {
        assertEquals(0, value("a", "recency_days"), "bought on the as-of date itself");
        assertEquals(181, value("a", "tenure_days"));
        assertEquals(3, value("a", "orders_total"));
        assertEquals(160, value("a", "spend_total"), 1e-9, "180 bought minus 20 returned");
        assertEquals(1, value("a", "orders_30d"));
        assertEquals(10, value("a", "spend_30d"), 1e-9);
        assertEquals(1, value("a", "orders_90d"));
        assertEquals(2, value("a", "orders_180d"));
        assertEquals(60, value("a", "spend_180d"), 1e-9);
        assertEquals(3, value("a", "orders_365d"));
        assertEquals(160, value("a", "spend_365d"), 1e-9);
        assertEquals(0, value("a", "orders_change_90d"));
        assertEquals(-40, value("a", "spend_change_90d"), 1e-9);
        assertEquals(60, value("a", "avg_order_value_365d"), 1e-9);
        assertEquals(1, value("a", "avg_items_per_order_365d"), 1e-9);
        assertEquals(20.0 / 180, value("a", "returns_share_365d"), 1e-9);
        assertEquals(90.5, value("a", "avg_days_between_orders"), 1e-9);
        assertEquals(61, value("a", "days_between_orders_trend"), 1e-9, "last gap 121 days against an earlier 60");
        assertEquals(0, value("a", "recency_vs_usual_gap"), 1e-9);
    }

    @Test
    void aPurchaseExactlyALookbackAgoIsOutsideIt() {
        assertEquals(365, value("b", "recency_days"));
        assertEquals(0, value("b", "orders_365d"));
        assertEquals(1, value("b", "orders_total"));
        assertTrue(Double.isNaN(value("b", "avg_order_value_365d")), "no orders in the lookback: undefined, not zero");
        assertTrue(Double.isNaN(value("b", "avg_days_between_orders")));
    }

    @Test
    void rfmScoresAndSegmentsMatchTheHandComputation() {
        // Four customers. recency a 0, d 10, e 60, b 365; orders ever a 3, d 2, e 1, b 1; spend ever e 500, a 160,
        // b 40, d 20. Score = 1 + floor(5 x share strictly below): a's 3 orders have 3 of 4 below -> 4; d's 2 have
        // 2 below -> 3; e and b have none below -> 1.
        assertEquals(List.of(4.0, 4.0, 3.0), List.of(value("a", "rfm_recency"), value("a", "rfm_frequency"), value("a", "rfm_monetary")));
        assertEquals(List.of(3.0, 3.0, 1.0), List.of(value("d", "rfm_recency"), value("d", "rfm_frequency"), value("d", "rfm_monetary")));
        assertEquals(List.of(2.0, 1.0, 4.0), List.of(value("e", "rfm_recency"), value("e", "rfm_frequency"), value("e", "rfm_monetary")));
        assertEquals(List.of(1.0, 1.0, 2.0), List.of(value("b", "rfm_recency"), value("b", "rfm_frequency"), value("b", "rfm_monetary")));
        assertEquals(RfmSegment.LOYAL, rows.get("a").segment());
        assertEquals(RfmSegment.NEED_ATTENTION, rows.get("d").segment());
        assertEquals(RfmSegment.HIBERNATING, rows.get("e").segment());
        assertEquals(RfmSegment.LOST, rows.get("b").segment());
    }

    @Test
    void labelsLookOnlyAtTheHorizonAfterTheAsOfDate() {
        assertTrue(rows.get("a").purchased(), "bought 15 days after");
        assertFalse(rows.get("a").churned());
        assertTrue(rows.get("d").purchased(), "a purchase on the horizon's last day counts");
        assertFalse(rows.get("e").purchased(), "a purchase one day after the horizon does not");
        assertTrue(rows.get("e").churned());
        assertFalse(rows.get("b").purchased());
        assertNull(rows.get("b").churned(), "not active in the lookback: not in the churn population");
    }

    @Test
    void cutoffSummaryCountsLabelsAndSegments() {
        CutoffSummary summary = table.cutoffs().get(0);
        assertEquals(4, summary.customers());
        assertEquals(0.5, summary.purchaseRate(), 1e-9);
        assertEquals(3, summary.churnPopulation());
        assertEquals(1.0 / 3, summary.churnRate(), 1e-9);
        assertEquals(Map.of("Loyal", 1, "Need attention", 1, "Hibernating", 1, "Lost", 1), summary.segments());
    }
}
