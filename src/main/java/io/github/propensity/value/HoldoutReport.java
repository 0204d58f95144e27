// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the value model's forecasts compared with what the calibration customers then did in the holdout period,
 * next to the baselines any analyst would try first.
 *
 * @param groups    by calibration frequency 0, 1, ..., 6 and 7+: customers, their actual mean holdout purchase days
 *                  and each method's expected mean (the BTYD walkthrough's table)
 * @param model     the value model's figures (method {@code bgnbd}, or {@code nbd} at BG/NBD's no-dropout limit)
 * @param baselines the baselines' figures, same definitions
 * @param spend     mean holdout spend against the purchase model x Gamma-Gamma's prediction
 */
public record HoldoutReport(LocalDate calibrationEnd, LocalDate holdoutEnd, double holdoutWeeks, int customers,
                            List<FrequencyGroup> groups, MethodFigures model, List<MethodFigures> baselines,
                            SpendCheck spend) {
    public HoldoutReport {
        groups = List.copyOf(groups);
        baselines = List.copyOf(baselines);
    }

    /** One row of the frequency table; {@code expected} maps each method to its mean forecast for the group. */
    public record FrequencyGroup(String frequency, int customers, double actual, Map<String, Double> expected) {
        public FrequencyGroup {
            expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        }
    }

    /**
     * @param aggregateErrorPercent (forecast total - actual total) / actual total x 100
     * @param meanAbsoluteError     per customer, in purchase days
     * @param rootMeanSquaredError  per customer, in purchase days
     * @param spearman              rank correlation of forecast and actual purchase days
     * @param aucAnyPurchase        ROC AUC of the method's score for "buys at least once in the holdout"
     */
    public record MethodFigures(String method, String description, double forecastTotal, double actualTotal,
                                double aggregateErrorPercent, double meanAbsoluteError, double rootMeanSquaredError,
                                double spearman, double aucAnyPurchase) {
    }

    /** Net spend per customer in the holdout: actual mean and the models' expected mean (expected purchases x expected order value). */
    public record SpendCheck(double actualMean, double predictedMean, double errorPercent) {
    }
}
