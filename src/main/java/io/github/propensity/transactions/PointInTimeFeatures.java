// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Customer features as they were known at the end of an as-of date, and the labels of the horizon after it.
 *
 * <p>Point in time by construction: every feature reads only orders dated on or before the as-of date, and the
 * labels read only orders in the horizon after it. Customers whose first purchase comes later are not in the
 * table, and the RFM quintiles rank only the customers who are, so a later order can change nothing here.
 */
public final class PointInTimeFeatures {
    private final FeatureLayout layout;
    private final FeatureSettings settings;

    public PointInTimeFeatures(FeatureLayout layout, FeatureSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    /** The rows of every customer with a purchase on or before {@code asOf}, in log order of first appearance. */
    public List<CustomerRow> at(TransactionLog log, LocalDate asOf) {
        int cutoff = (int) asOf.toEpochDay();
        List<double[]> values = new ArrayList<>();
        List<Integer> customers = new ArrayList<>();
        List<Boolean> purchased = new ArrayList<>();
        List<Boolean> churned = new ArrayList<>();
        for (int c = 0; c < log.customerCount(); c++) {
            History history = History.of(log, c, cutoff, layout, settings.horizonDays());
            if (history.purchaseOrders == 0) {
                continue;
            }
            customers.add(c);
            values.add(history.features(layout));
            purchased.add(settings.labels().purchase() ? history.purchasedInHorizon : null);
            churned.add(settings.labels().churn() && history.lookbackOrders > 0 ? !history.purchasedInHorizon : null);
        }
        int n = customers.size();
        double[] recency = column(values, layout.position("recency_days"));
        // Frequency and monetary value over the whole history known at the cut-off, not the lookback: a customer who
        // bought twenty times two years ago and not since is "at risk" or "can't lose them", not "lost" like a
        // one-time buyer of two years ago; recency already says how lately.
        double[] frequency = column(values, layout.position("orders_total"));
        double[] monetary = column(values, layout.position("spend_total"));
        int[] r = RfmScores.lowerIsBetter(recency);
        int[] f = RfmScores.higherIsBetter(frequency);
        int[] m = RfmScores.higherIsBetter(monetary);
        List<CustomerRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] row = values.get(i);
            row[layout.position("rfm_recency")] = r[i];
            row[layout.position("rfm_frequency")] = f[i];
            row[layout.position("rfm_monetary")] = m[i];
            rows.add(new CustomerRow(log.customerId(customers.get(i)), asOf, row, RfmSegment.of(r[i], f[i]),
                    purchased.get(i), churned.get(i)));
        }
        return rows;
    }

    private static double[] column(List<double[]> rows, int position) {
        double[] column = new double[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i)[position];
        }
        return column;
    }

    /** One customer's orders folded into the sums the features need, for one cut-off. */
    private static final class History {
        int purchaseOrders;
        int firstPurchase = Integer.MAX_VALUE;
        int lastPurchase = Integer.MIN_VALUE;
        double netSpend;
        double[] windowOrders;
        double[] windowSpend;
        int recentOrders;
        int previousOrders;
        double recentSpend;
        double previousSpend;
        int lookbackOrders;
        double lookbackBought;
        double lookbackReturned;
        double lookbackItems;
        int distinctDays;
        int previousDistinctDay = Integer.MIN_VALUE;
        boolean purchasedInHorizon;
        int cutoff;

        static History of(TransactionLog log, int customer, int cutoff, FeatureLayout layout, int horizon) {
            int[] windows = layout.windows();
            int lookback = layout.lookback();
            int change = layout.changeWindow();
            History h = new History();
            h.cutoff = cutoff;
            h.windowOrders = new double[windows.length];
            h.windowSpend = new double[windows.length];
            for (int o = log.firstOrder(customer); o < log.endOrder(customer); o++) {
                int day = log.day(o);
                boolean isReturn = log.isReturn(o);
                if (day > cutoff) {
                    if (day > cutoff + horizon) {
                        break;
                    }
                    h.purchasedInHorizon |= !isReturn;
                    continue;
                }
                int age = cutoff - day;
                double value = log.value(o);
                double signed = isReturn ? -value : value;
                h.netSpend += signed;
                for (int w = 0; w < windows.length; w++) {
                    if (age < windows[w]) {
                        h.windowSpend[w] += signed;
                        h.windowOrders[w] += isReturn ? 0 : 1;
                    }
                }
                if (age < change) {
                    h.recentSpend += signed;
                    h.recentOrders += isReturn ? 0 : 1;
                } else if (age < 2 * change) {
                    h.previousSpend += signed;
                    h.previousOrders += isReturn ? 0 : 1;
                }
                if (isReturn) {
                    h.lookbackReturned += age < lookback ? value : 0;
                    continue;
                }
                h.purchaseOrders++;
                if (age < lookback) {
                    h.lookbackOrders++;
                    h.lookbackBought += value;
                    h.lookbackItems += log.items(o);
                }
                // Orders arrive sorted by day, so a new distinct day is always the latest so far.
                if (day != h.lastPurchase) {
                    h.distinctDays++;
                    h.previousDistinctDay = h.lastPurchase;
                }
                h.firstPurchase = Math.min(h.firstPurchase, day);
                h.lastPurchase = day;
            }
            return h;
        }

        double[] features(FeatureLayout layout) {
            double[] row = new double[layout.width()];
            Arrays.fill(row, Double.NaN);
            int lookback = layout.lookback();
            int change = layout.changeWindow();
            double recency = cutoff - lastPurchase;
            row[layout.position("recency_days")] = recency;
            row[layout.position("tenure_days")] = cutoff - firstPurchase;
            row[layout.position("orders_total")] = purchaseOrders;
            row[layout.position("spend_total")] = netSpend;
            int[] windows = layout.windows();
            for (int w = 0; w < windows.length; w++) {
                row[layout.position(FeatureLayout.orders(windows[w]))] = windowOrders[w];
                row[layout.position(FeatureLayout.spend(windows[w]))] = windowSpend[w];
            }
            row[layout.position("orders_change_" + change + "d")] = recentOrders - previousOrders;
            row[layout.position("spend_change_" + change + "d")] = recentSpend - previousSpend;
            if (lookbackOrders > 0) {
                row[layout.position("avg_order_value_" + lookback + "d")] = lookbackBought / lookbackOrders;
                if (layout.hasItems()) {
                    row[layout.position("avg_items_per_order_" + lookback + "d")] = lookbackItems / lookbackOrders;
                }
            }
            if (lookbackBought > 0) {
                row[layout.position("returns_share_" + lookback + "d")] = lookbackReturned / lookbackBought;
            }
            if (distinctDays >= 2) {
                double meanGap = (double) (lastPurchase - firstPurchase) / (distinctDays - 1);
                row[layout.position("avg_days_between_orders")] = meanGap;
                row[layout.position("recency_vs_usual_gap")] = recency / meanGap;
            }
            if (distinctDays >= 3) {
                double lastGap = lastPurchase - previousDistinctDay;
                double earlierMean = (double) (previousDistinctDay - firstPurchase) / (distinctDays - 2);
                row[layout.position("days_between_orders_trend")] = lastGap - earlierMean;
            }
            return row;
        }
    }
}
