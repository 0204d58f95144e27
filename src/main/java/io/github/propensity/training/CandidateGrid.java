// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.List;

/**
 * The candidates model selection tries. XGBoost entries give the maximum rounds; early stopping picks the actual
 * number. Defaults follow what held up on public churn and marketing sets: eta 0.05 with row and column
 * subsampling, shallow to medium trees.
 */
public record CandidateGrid(List<LogisticSpec> logistic, List<XGBoostSpec> xgboost) {
    public CandidateGrid {
        logistic = List.copyOf(logistic);
        xgboost = List.copyOf(xgboost);
        if (logistic.isEmpty() && xgboost.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate is needed");
        }
        for (XGBoostSpec spec : xgboost) {
            if (spec.rounds() < XGBoostRoundSearch.ROUND_STEP) {
                throw new IllegalArgumentException("XGBoost needs at least " + XGBoostRoundSearch.ROUND_STEP + " rounds");
            }
        }
    }

    public static CandidateGrid defaults() {
        return new CandidateGrid(
                List.of(new LogisticSpec(0.1, 1e-3, 10, 1), new LogisticSpec(0.05, 1e-2, 25, 1)),
                List.of(xgboost(2, 1.0), xgboost(3, 1.0), xgboost(4, 1.0), xgboost(6, 1.0)));
    }

    /** A default-shaped XGBoost candidate of the given depth and minimum child weight, up to 1,000 rounds. */
    public static XGBoostSpec xgboost(int depth, double minChildWeight) {
        return new XGBoostSpec(depth, 1000, 0.05, 0.8, 0.8, minChildWeight, 1);
    }
}
