// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.RankCorrelation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the value model's holdout forecast and the baselines' side by side against what customers did. */
public final class HoldoutCheck {
    /** Frequency groups 0 .. 6 each, then 7 and more together, as the BTYD walkthrough tabulates them. */
    private static final int GROUPS = 8;

    private HoldoutCheck() {
    }

    /** The value model's own forecast of the holdout: expected purchase days and P(any purchase). */
    public static HoldoutForecast forecast(ValueModel model, PurchaseHistories histories, double holdoutWeeks) {
        int n = histories.size();
        double[] purchases = new double[n];
        double[] any = new double[n];
        PurchaseModel purchaseModel = model.purchases();
        for (int i = 0; i < n; i++) {
            int x = histories.frequency(i);
            purchases[i] = purchaseModel.expectedPurchases(holdoutWeeks, x, histories.recencyWeeks(i), histories.ageWeeks(i));
            any[i] = purchaseModel.purchaseProbability(holdoutWeeks, x, histories.recencyWeeks(i), histories.ageWeeks(i));
        }
        return new HoldoutForecast(purchaseModel.name(), purchaseModel.name().equals("nbd") ? "NBD conditional expectation"
                : "BG/NBD conditional expectation", purchases, any);
    }

    public static HoldoutReport report(ValueModel model, PurchaseHistories histories, HoldoutOutcomes outcomes,
                                       LocalDate calibrationEnd, LocalDate holdoutEnd, List<HoldoutForecast> baselines) {
        int n = histories.size();
        if (outcomes.size() != n) {
            throw new IllegalArgumentException("one holdout outcome per calibration customer");
        }
        HoldoutForecast own = forecast(model, histories, outcomes.weeks());
        List<HoldoutForecast> all = new ArrayList<>();
        all.add(own);
        all.addAll(baselines);
        double[] actual = new double[n];
        boolean[] bought = new boolean[n];
        for (int i = 0; i < n; i++) {
            actual[i] = outcomes.purchaseDays()[i];
            bought[i] = actual[i] > 0;
        }
        List<HoldoutReport.MethodFigures> baselineFigures = new ArrayList<>();
        for (HoldoutForecast baseline : baselines) {
            baselineFigures.add(figures(baseline, actual, bought));
        }
        return new HoldoutReport(calibrationEnd, holdoutEnd, outcomes.weeks(), n, groups(histories, actual, all),
                figures(own, actual, bought), baselineFigures, spend(model, histories, outcomes, own.purchases()));
    }

    private static List<HoldoutReport.FrequencyGroup> groups(PurchaseHistories histories, double[] actual, List<HoldoutForecast> methods) {
        int[] customers = new int[GROUPS];
        double[] actualSum = new double[GROUPS];
        double[][] expectedSum = new double[methods.size()][GROUPS];
        for (int i = 0; i < histories.size(); i++) {
            int group = Math.min(GROUPS - 1, histories.frequency(i));
            customers[group]++;
            actualSum[group] += actual[i];
            for (int m = 0; m < methods.size(); m++) {
                expectedSum[m][group] += methods.get(m).purchases()[i];
            }
        }
        List<HoldoutReport.FrequencyGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            Map<String, Double> expected = new LinkedHashMap<>();
            for (int m = 0; m < methods.size(); m++) {
                expected.put(methods.get(m).method(), customers[g] == 0 ? Double.NaN : expectedSum[m][g] / customers[g]);
            }
            groups.add(new HoldoutReport.FrequencyGroup(g == GROUPS - 1 ? (GROUPS - 1) + "+" : Integer.toString(g), customers[g],
                    customers[g] == 0 ? Double.NaN : actualSum[g] / customers[g], expected));
        }
        return groups;
    }

    static HoldoutReport.MethodFigures figures(HoldoutForecast forecast, double[] actual, boolean[] bought) {
        double[] predicted = forecast.purchases();
        double forecastTotal = 0;
        double actualTotal = 0;
        double absolute = 0;
        double squared = 0;
        for (int i = 0; i < actual.length; i++) {
            forecastTotal += predicted[i];
            actualTotal += actual[i];
            double error = predicted[i] - actual[i];
            absolute += Math.abs(error);
            squared += error * error;
        }
        int n = actual.length;
        return new HoldoutReport.MethodFigures(forecast.method(), forecast.description(), forecastTotal, actualTotal,
                actualTotal == 0 ? Double.NaN : 100 * (forecastTotal - actualTotal) / actualTotal, absolute / n,
                Math.sqrt(squared / n), RankCorrelation.spearman(predicted, actual),
                BinaryEvaluator.auc(forecast.anyPurchaseScore(), bought));
    }

    private static HoldoutReport.SpendCheck spend(ValueModel model, PurchaseHistories histories, HoldoutOutcomes outcomes,
                                                  double[] expectedPurchases) {
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < histories.size(); i++) {
            actual += outcomes.spend()[i];
            predicted += expectedPurchases[i] * model.orderValue().expectedOrderValue(histories.frequency(i), histories.meanRepeatValue(i));
        }
        int n = histories.size();
        return new HoldoutReport.SpendCheck(actual / n, predicted / n, actual == 0 ? Double.NaN : 100 * (predicted - actual) / actual);
    }
}
