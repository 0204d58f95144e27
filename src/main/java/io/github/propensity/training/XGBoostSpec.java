// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.Locale;

/**
 * Gradient-boosted trees, trained by {@link BoosterTrainer} with {@code binary:logistic}: one tree per round.
 * {@code rounds} is the cap while tuning (early stopping on validation log loss picks the number) and the exact
 * count when refitting.
 */
public record XGBoostSpec(int maxDepth, int rounds, double eta, double subsample, double columnSample,
                          double minChildWeight, int threads) implements CandidateSpec {
    public XGBoostSpec {
        if (maxDepth < 1 || rounds < 1 || !(eta > 0 && eta <= 1) || !(subsample > 0 && subsample <= 1)
                || !(columnSample > 0 && columnSample <= 1) || !(minChildWeight >= 0) || threads < 1) {
            throw new IllegalArgumentException("invalid XGBoost settings");
        }
    }

    public XGBoostSpec withRounds(int newRounds) {
        return new XGBoostSpec(maxDepth, newRounds, eta, subsample, columnSample, minChildWeight, threads);
    }

    public XGBoostSpec withThreads(int newThreads) {
        return new XGBoostSpec(maxDepth, rounds, eta, subsample, columnSample, minChildWeight, newThreads);
    }

    /** Boosting uses more rows through more rounds; the count is scaled with the data. */
    @Override
    public XGBoostSpec forMoreRows(double ratio) {
        return withRounds((int) Math.round(rounds * ratio));
    }

    @Override
    public String family() {
        return "xgboost";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "XGBoost (depth %d, %d rounds, eta %s, min child weight %s, subsample %s, colsample %s)",
                maxDepth, rounds, eta, minChildWeight, subsample, columnSample);
    }
}
