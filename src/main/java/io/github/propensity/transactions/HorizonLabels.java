// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.LinkedHashMap;
import java.util.Map;

/** The label columns and their definitions in words: printed when the file is built and stored beside it. */
public final class HorizonLabels {
    public static final String PURCHASE_COLUMN = "label_purchase";
    public static final String CHURN_COLUMN = "label_churn";

    private HorizonLabels() {
    }

    /** Column name to definition, for the labels the settings ask for. */
    public static Map<String, String> definitions(FeatureSettings settings) {
        int horizon = settings.horizonDays();
        int lookback = settings.lookbackDays();
        Map<String, String> definitions = new LinkedHashMap<>();
        if (settings.labels().purchase()) {
            definitions.put(PURCHASE_COLUMN, "yes if the customer made at least one purchase (returns and cancellations do not count) "
                    + "in the " + horizon + " days after the as-of date (as_of + 1 through as_of + " + horizon + "), no otherwise; "
                    + "every customer in the file is labelled");
        }
        if (settings.labels().churn()) {
            definitions.put(CHURN_COLUMN, "for customers active in the lookback (at least one purchase in the " + lookback
                    + " days up to and including the as-of date): yes if they made no purchase in the " + horizon
                    + " days after it, no if they did; empty for customers not active in the lookback (not in the churn population)");
        }
        return definitions;
    }
}
