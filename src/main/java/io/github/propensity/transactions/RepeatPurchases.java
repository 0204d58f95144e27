// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.value.HoldoutOutcomes;
import io.github.propensity.value.PurchaseHistories;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A log's customers as the value models see them at a calibration end: repeat purchase days, recency and age in
 * days, and the mean value of the repeat days; optionally what each did in a holdout period after it.
 * <p>
 * Point in time: only orders dated on or before the calibration end shape a history, and only customers whose
 * first purchase is on or before it are in it. A purchase day is a day with at least one purchase order, $0 orders
 * included (they are purchases; the papers' CDNOW counts keep them). Returns never make a purchase day; a
 * customer's repeat-day mean is scaled by the share of value they kept in the calibration period (bought minus
 * returned, over bought, at least 0), since a return cannot be matched to the day it undoes.
 *
 * @param customers index of each history's customer in the log
 */
public record RepeatPurchases(LocalDate calibrationEnd, int[] customers, PurchaseHistories histories) {
    public RepeatPurchases {
        if (customers.length != histories.size()) {
            throw new IllegalArgumentException("one log customer per history");
        }
        customers = customers.clone();
    }

    /** Histories of every customer with a purchase on or before {@code calibrationEnd}, in log order. */
    public static RepeatPurchases at(TransactionLog log, LocalDate calibrationEnd) {
        int end = (int) calibrationEnd.toEpochDay();
        int n = log.customerCount();
        int[] customers = new int[n];
        int[] frequency = new int[n];
        int[] recency = new int[n];
        int[] age = new int[n];
        double[] meanRepeatValue = new double[n];
        int kept = 0;
        for (int c = 0; c < n; c++) {
            int firstDay = Integer.MIN_VALUE;
            int lastDay = Integer.MIN_VALUE;
            int repeatDays = 0;
            double dayValue = 0;
            double repeatValue = 0;
            double bought = 0;
            double returned = 0;
            for (int o = log.firstOrder(c); o < log.endOrder(c) && log.day(o) <= end; o++) {
                if (log.isReturn(o)) {
                    returned += log.value(o);
                    continue;
                }
                bought += log.value(o);
                int day = log.day(o);
                if (day != lastDay) {
                    if (lastDay != Integer.MIN_VALUE && lastDay != firstDay) {
                        repeatValue += dayValue;
                    }
                    if (firstDay == Integer.MIN_VALUE) {
                        firstDay = day;
                    } else {
                        repeatDays++;
                    }
                    lastDay = day;
                    dayValue = 0;
                }
                dayValue += log.value(o);
            }
            if (firstDay == Integer.MIN_VALUE) {
                continue;
            }
            if (lastDay != firstDay) {
                repeatValue += dayValue;
            }
            double keptShare = bought > 0 ? Math.max(0, 1 - returned / bought) : 0;
            customers[kept] = c;
            frequency[kept] = repeatDays;
            recency[kept] = lastDay - firstDay;
            age[kept] = end - firstDay;
            meanRepeatValue[kept] = repeatDays == 0 ? Double.NaN : repeatValue / repeatDays * keptShare;
            kept++;
        }
        return new RepeatPurchases(calibrationEnd, Arrays.copyOf(customers, kept), new PurchaseHistories(
                Arrays.copyOf(frequency, kept), Arrays.copyOf(recency, kept), Arrays.copyOf(age, kept),
                Arrays.copyOf(meanRepeatValue, kept)));
    }

    public int size() {
        return customers.length;
    }

    public String customerId(TransactionLog log, int history) {
        return log.customerId(customers[history]);
    }

    /** Purchase days and net spend of these customers after the calibration end, up to and including {@code holdoutEnd}. */
    public HoldoutOutcomes holdout(TransactionLog log, LocalDate holdoutEnd) {
        int start = (int) calibrationEnd.toEpochDay();
        int end = (int) holdoutEnd.toEpochDay();
        int[] purchaseDays = new int[customers.length];
        double[] spend = new double[customers.length];
        for (int i = 0; i < customers.length; i++) {
            int c = customers[i];
            int lastDay = Integer.MIN_VALUE;
            for (int o = log.firstOrder(c); o < log.endOrder(c); o++) {
                int day = log.day(o);
                if (day <= start) {
                    continue;
                }
                if (day > end) {
                    break;
                }
                if (log.isReturn(o)) {
                    spend[i] -= log.value(o);
                    continue;
                }
                spend[i] += log.value(o);
                if (day != lastDay) {
                    purchaseDays[i]++;
                    lastDay = day;
                }
            }
        }
        return new HoldoutOutcomes(purchaseDays, spend, (end - start) / PurchaseHistories.DAYS_PER_WEEK);
    }
}
