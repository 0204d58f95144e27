// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-customer value columns, in the order {@link ValueModel#values} writes them, with their definitions for
 * feature-file metadata, the README and the card.
 */
public final class ValueColumns {
    public static final int EXPECTED_PURCHASES = 0;
    public static final int P_ALIVE = 1;
    public static final int EXPECTED_ORDER_VALUE = 2;
    public static final int CLV = 3;
    public static final int DAYS_TO_NEXT_PURCHASE = 4;
    public static final int COUNT = 5;

    public static final String P_ALIVE_NAME = "p_alive";
    public static final String CLV_PREFIX = "clv_";

    private ValueColumns() {
    }

    public static String expectedPurchases(int horizonDays) {
        return "expected_purchases_" + horizonDays + "d";
    }

    public static String clv(int horizonDays) {
        return CLV_PREFIX + horizonDays + "d";
    }

    public static List<String> names(ValueSettings settings) {
        return List.copyOf(definitions(settings).keySet());
    }

    /** Column name to definition, in column order. */
    public static Map<String, String> definitions(ValueSettings settings) {
        int h = settings.horizonDays();
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put(expectedPurchases(h), "BG/NBD expected purchase days in the " + h + " days after the as-of date");
        definitions.put(P_ALIVE_NAME, "BG/NBD probability that the customer is still active (1 for every customer without a"
                + " repeat purchase: in the model, dropping out happens only right after a purchase)");
        definitions.put("expected_order_value", "Gamma-Gamma expected value of the next order: the customer's own mean repeat"
                + " order value shrunk towards the population mean, the population mean without a repeat purchase");
        definitions.put(clv(h), "expected value of the purchases in the next " + h + " days, month by month, each month"
                + " discounted at " + percent(settings.annualDiscountRate()) + " a year: expected_order_value x the"
                + " month's expected purchases / (1 + rate)^(years from the as-of date to the month's end); never negative");
        definitions.put("expected_days_to_next_purchase", "median days until the next purchase if the customer is still"
                + " active (the mean is infinite for most one-time buyers); weigh it with p_alive");
        return definitions;
    }

    private static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + " %";
    }
}
