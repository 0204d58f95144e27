// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.ArrayList;
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
    }

    /** Every candidate in the order they are tried (linear first), the boosted ones with {@code threads} threads. */
    public List<CandidateSpec> specs(int threads) {
        List<CandidateSpec> specs = new ArrayList<>(logistic);
        for (XGBoostSpec spec : xgboost) {
            specs.add(spec.withThreads(threads));
        }
        return specs;
    }

    public static CandidateGrid defaults() {
        return new CandidateGrid(
                List.of(new LogisticSpec(1.0), new LogisticSpec(30.0)),
                List.of(xgboost(2, 1.0), xgboost(3, 1.0), xgboost(4, 1.0), xgboost(6, 1.0), xgboost(8, 1.0), xgboost(4, 5.0), xgboost(6, 5.0)));
    }

    /** A default-shaped XGBoost candidate of the given depth and minimum child weight, up to 1,000 rounds. */
    public static XGBoostSpec xgboost(int depth, double minChildWeight) {
        return new XGBoostSpec(depth, 1000, 0.05, 0.8, 0.8, minChildWeight, 1);
    }
}
