// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric feature columns of a feature build, in file order, each with the definition the metadata file and
 * the README give. Names carry their window so that a file built with another lookback cannot be mistaken for it.
 */
public final class FeatureLayout {
    public static final String ID_COLUMN = "customer_id";
    public static final String AS_OF_COLUMN = "as_of";
    public static final String RFM_SEGMENT_COLUMN = "rfm_segment";

    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final int[] windows;
    private final int lookback;
    private final int change;
    private final boolean hasItems;
    private final List<String> valueColumns;

    public FeatureLayout(FeatureSettings settings, boolean hasItems) {
        this(settings, hasItems, Map.of());
    }

    /** @param valueColumns value column names and definitions to append (empty without value columns) */
    public FeatureLayout(FeatureSettings settings, boolean hasItems, Map<String, String> valueColumns) {
        this.windows = settings.windows();
        this.lookback = settings.lookbackDays();
        this.change = settings.changeWindowDays();
        this.hasItems = hasItems;
        define("recency_days", "days from the last purchase to the as-of date (0 = bought that day)");
        define("tenure_days", "days from the first purchase to the as-of date");
        define("orders_total", "purchase orders up to the as-of date");
        define("spend_total", "value bought minus value returned up to the as-of date");
        for (int window : windows) {
            define(orders(window), "purchase orders in the " + window + " days up to the as-of date");
            define(spend(window), "value bought minus value returned in the " + window + " days up to the as-of date");
        }
        define("orders_change_" + change + "d", "orders in the last " + change + " days minus orders in the " + change + " days before them");
        define("spend_change_" + change + "d", "net spend in the last " + change + " days minus net spend in the " + change + " days before them");
        define("avg_order_value_" + lookback + "d", "value bought per purchase order in the lookback (empty without orders in it)");
        if (hasItems) {
            define("avg_items_per_order_" + lookback + "d", "items per purchase order in the lookback (empty without orders in it)");
        }
        define("returns_share_" + lookback + "d", "value returned / value bought in the lookback (empty when nothing was bought in it)");
        define("avg_days_between_orders", "mean days between distinct purchase days (empty with fewer than two)");
        define("days_between_orders_trend", "last gap between purchase days minus the mean of the earlier gaps; positive = slowing down (empty with fewer than three purchase days)");
        define("recency_vs_usual_gap", "recency_days / avg_days_between_orders: above 1 means overdue (empty with fewer than two purchase days)");
        define("rfm_recency", "R score 1-5: quintile of recency_days among this as-of date's customers, 5 = most recent");
        define("rfm_frequency", "F score 1-5: quintile of orders_total, 5 = most orders");
        define("rfm_monetary", "M score 1-5: quintile of spend_total, 5 = most spend");
        valueColumns.forEach(this::define);
        this.valueColumns = List.copyOf(valueColumns.keySet());
    }

    private void define(String name, String definition) {
        positions.put(name, definitions.size());
        definitions.put(name, definition);
    }

    static String orders(int window) {
        return "orders_" + window + "d";
    }

    static String spend(int window) {
        return "spend_" + window + "d";
    }

    /** Numeric column names in file order. */
    public List<String> numericColumns() {
        return List.copyOf(definitions.keySet());
    }

    /** Every column's definition, the id, date and segment columns included. */
    public Map<String, String> definitions() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(ID_COLUMN, "the customer id as in the log");
        all.put(AS_OF_COLUMN, "the cut-off date: features use transactions up to the end of this day only");
        all.putAll(definitions);
        all.put(RFM_SEGMENT_COLUMN, "named segment from rfm_recency and rfm_frequency (see the README's RFM grid)");
        return Collections.unmodifiableMap(all);
    }

    int position(String name) {
        Integer position = positions.get(name);
        if (position == null) {
            throw new IllegalArgumentException("no feature named " + name);
        }
        return position;
    }

    int width() {
        return definitions.size();
    }

    int[] windows() {
        return windows.clone();
    }

    int lookback() {
        return lookback;
    }

    int changeWindow() {
        return change;
    }

    /** Position of the first value column; the others follow in {@code ValueColumns} order. */
    int firstValueColumn() {
        if (valueColumns.isEmpty()) {
            throw new IllegalStateException("this layout has no value columns");
        }
        return position(valueColumns.get(0));
    }

    boolean hasValueColumns() {
        return !valueColumns.isEmpty();
    }

    boolean hasItems() {
        return hasItems;
    }
}
