// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.value.HoldoutOutcomes;
import io.github.propensity.value.PurchaseHistories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.propensity.transactions.LogFixture.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small logs worked out by hand: the (x, t_x, T, mean repeat value) the value models see, and the holdout counts. */
class RepeatPurchasesTest {
    private static final LocalDate END = date("2024-03-01");

    @TempDir
    Path dir;

    /** One history as numbers: frequency, recency days, age days, mean repeat value. */
    private record History(int x, int recencyDays, int ageDays, double meanRepeatValue) {
    }

    private Map<String, History> histories(LogFixture fixture, LocalDate calibrationEnd) throws IOException {
        TransactionLog log = LogFixture.read(fixture.write(dir.resolve("log-" + System.nanoTime() + ".csv")));
        RepeatPurchases purchases = RepeatPurchases.at(log, calibrationEnd);
        PurchaseHistories h = purchases.histories();
        Map<String, History> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < purchases.size(); i++) {
            byCustomer.put(purchases.customerId(log, i), new History(h.frequency(i), h.recencyDays(i), h.ageDays(i), h.meanRepeatValue(i)));
        }
        return byCustomer;
    }

    @Test
    void ordersOfOneDayMergeIntoOnePurchaseDay() throws IOException {
        Map<String, History> h = histories(new LogFixture()
                .buy("a", "2024-01-01", 50).buy("a", "2024-01-01", 30)
                .buy("a", "2024-01-10", 20).buy("a", "2024-01-10", 40)
                .buy("a", "2024-02-01", 60), END);
        // Two repeat days (Jan 10: 20 + 40, Feb 1: 60), the last 31 days after the first; Jan 1 to Mar 1 2024 is 60 days.
        // The first day's 80 is not a repeat purchase and stays out of the mean.
        assertEquals(new History(2, 31, 60, 60.0), h.get("a"));
    }

    @Test
    void aOneTimeBuyerHasNoRepeatDaysAndNoMeanValue() throws IOException {
        History once = histories(new LogFixture().buy("o", "2024-02-20", 75).buy("o", "2024-02-20", 5), END).get("o");
        assertEquals(0, once.x());
        assertEquals(0, once.recencyDays());
        assertEquals(10, once.ageDays());
        assertTrue(Double.isNaN(once.meanRepeatValue()));
    }

    @Test
    void zeroValueOrdersArePurchaseDays() throws IOException {
        Map<String, History> h = histories(new LogFixture()
                .buy("free", "2024-01-01", 30).buy("free", "2024-01-15", 0).buy("free", "2024-02-01", 0)
                .buy("firstFree", "2024-01-01", 0).buy("firstFree", "2024-01-20", 40), END);
        assertEquals(new History(2, 31, 60, 0.0), h.get("free"));
        assertEquals(new History(1, 19, 60, 40.0), h.get("firstFree"));
    }

    @Test
    void returnsAreNeverPurchaseDaysAndScaleTheMeanByTheKeptShare() throws IOException {
        Map<String, History> h = histories(new LogFixture()
                .buy("r", "2024-01-01", 100).buy("r", "2024-01-10", 50).buy("r", "2024-01-20", 150)
                .line("C1", "r", "2024-01-25", -1, -60)
                // more given back than bought: the kept share is 0, never negative
                .buy("over", "2024-01-01", 10).buy("over", "2024-01-05", 10).line("C3", "over", "2024-01-06", -1, -50)
                // a return is not a first purchase either
                .line("C4", "late", "2024-01-02", -1, -20).buy("late", "2024-02-01", 20).buy("late", "2024-02-11", 30), END);
        // r kept (300 - 60) / 300 = 0.8 of what it bought; its repeat days are worth 50 and 150. The return on Jan 25 is
        // not a purchase day, so the last purchase is still Jan 20.
        assertEquals(new History(2, 19, 60, 100 * 0.8), h.get("r"));
        assertEquals(new History(1, 4, 60, 0.0), h.get("over"));
        // bought 50, returned 20: kept 0.6 of the one repeat day's 30
        assertEquals(new History(1, 10, 29, 30 * 0.6), h.get("late"));
    }

    @Test
    void onlyCustomersWithAPurchaseByTheCalibrationEndAreIn() throws IOException {
        Map<String, History> h = histories(new LogFixture()
                .buy("before", "2024-01-01", 10)
                .buy("onTheDay", "2024-03-01", 10)
                .buy("after", "2024-03-02", 10)
                .line("C1", "onlyReturned", "2024-02-01", -1, -10).buy("onlyReturned", "2024-03-05", 10), END);
        assertEquals(List.of("before", "onTheDay"), List.copyOf(h.keySet()));
        assertEquals(new History(0, 0, 0, Double.NaN), h.get("onTheDay"));
    }

    @Test
    void transactionsAfterTheCalibrationEndChangeNoHistory() throws IOException {
        LogFixture past = new LogFixture()
                .buy("a", "2024-01-01", 50).buy("a", "2024-01-10", 20).buy("a", "2024-02-29", 40)
                .buy("b", "2024-02-01", 15).line("C1", "b", "2024-02-03", -1, -5)
                .buy("c", "2024-03-01", 99);
        Map<String, History> before = histories(past, END);
        LogFixture withFuture = new LogFixture()
                .buy("a", "2024-01-01", 50).buy("a", "2024-01-10", 20).buy("a", "2024-02-29", 40)
                .buy("b", "2024-02-01", 15).line("C1", "b", "2024-02-03", -1, -5)
                .buy("c", "2024-03-01", 99)
                .buy("a", "2024-03-02", 500).line("C2", "a", "2024-03-03", -1, -90)
                .buy("b", "2024-04-01", 7).buy("c", "2024-03-02", 1).buy("new", "2024-03-10", 30);
        Map<String, History> after = histories(withFuture, END);
        assertEquals(before, after);
        assertEquals(new History(2, 59, 60, 30.0), after.get("a"));
        assertEquals(new History(0, 0, 29, Double.NaN), after.get("b"));
    }

    @Test
    void aLaterLineOfAnEarlierInvoiceChangesNoHistory() throws IOException {
        LogFixture past = new LogFixture()
                .line("1", "a", "2024-01-01", 1, 10).line("2", "a", "2024-02-01", 1, 40);
        LogFixture withFuture = new LogFixture()
                .line("1", "a", "2024-01-01", 1, 10).line("2", "a", "2024-02-01", 1, 40)
                .line("2", "a", "2024-03-05", 1, 500);
        assertEquals(new History(1, 31, 60, 40.0), histories(past, END).get("a"));
        assertEquals(histories(past, END), histories(withFuture, END));
    }

    @Test
    void theHoldoutCountsPurchaseDaysAfterTheCalibrationEndUpToTheHoldoutEndAndNetSpend() throws IOException {
        Path file = new LogFixture()
                .buy("h", "2024-01-01", 10).buy("h", "2024-03-01", 25)
                .buy("h", "2024-03-02", 5).buy("h", "2024-03-02", 7)
                .buy("h", "2024-03-15", 0)
                .line("C1", "h", "2024-03-20", -1, -4)
                .buy("h", "2024-03-29", 11)
                .buy("h", "2024-03-30", 1000)
                .buy("quiet", "2024-02-01", 10)
                .buy("newcomer", "2024-03-05", 20)
                .write(dir.resolve("holdout.csv"));
        TransactionLog log = LogFixture.read(file);
        RepeatPurchases calibration = RepeatPurchases.at(log, END);
        HoldoutOutcomes outcomes = calibration.holdout(log, date("2024-03-29"));
        Map<String, Integer> days = new LinkedHashMap<>();
        Map<String, Double> spend = new LinkedHashMap<>();
        for (int i = 0; i < calibration.size(); i++) {
            days.put(calibration.customerId(log, i), outcomes.purchaseDays()[i]);
            spend.put(calibration.customerId(log, i), outcomes.spend()[i]);
        }
        // Mar 1 is the calibration end (not in the holdout), Mar 2 twice is one day, Mar 15 ($0) counts, the return on
        // Mar 20 is no purchase, Mar 29 is the holdout end (in), Mar 30 is after it.
        assertEquals(Map.of("h", 3, "quiet", 0), days);
        assertEquals(5 + 7 + 0 - 4 + 11, spend.get("h"), 1e-12);
        assertEquals(0.0, spend.get("quiet"), 0.0);
        assertFalse(days.containsKey("newcomer"), "a customer who first bought in the holdout is no calibration customer");
        assertEquals(28 / 7.0, outcomes.weeks(), 1e-12);
    }
}
