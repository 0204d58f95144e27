// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.List;

/**
 * The candidates model selection tries. The XGBoost entries give the maximum rounds; early stopping picks the
 * actual number. Defaults follow what held up on public churn and marketing sets: eta 0.05 with row and column
 * subsampling, shallow to medium trees.
 */
public record CandidateGrid(List<LogisticSpec> logistic, List<Integer> xgboostDepths, int xgboostMaxRounds) {
    public CandidateGrid {
        logistic = List.copyOf(logistic);
        xgboostDepths = List.copyOf(xgboostDepths);
        if (logistic.isEmpty() && xgboostDepths.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate is needed");
        }
        if (xgboostMaxRounds < XGBoostRoundSearch.ROUND_STEP) {
            throw new IllegalArgumentException("XGBoost needs at least " + XGBoostRoundSearch.ROUND_STEP + " rounds");
        }
    }

    public static CandidateGrid defaults() {
        return new CandidateGrid(
                List.of(new LogisticSpec(0.1, 0.0, 10, 1), new LogisticSpec(0.05, 1e-3, 25, 1)),
                List.of(2, 3, 4, 6),
                1000);
    }

    public List<XGBoostSpec> xgboost(int threads) {
        return xgboostDepths.stream()
                .map(depth -> new XGBoostSpec(depth, xgboostMaxRounds, 0.05, 0.8, 0.8, 1.0, threads))
                .toList();
    }
}
