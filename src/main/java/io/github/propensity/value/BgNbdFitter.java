// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.data.DataException;
import java.util.List;

/**
 * Fits {@link BgNbd} (or, when the data shows no dropout, its limit {@link Nbd}) by maximum likelihood over the
 * {@link DistinctHistories}.
 */
public final class BgNbdFitter {
    public static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b");
    /** Fewer repeat buyers than this say too little about dropout for the four parameters to mean anything. */
    public static final int MIN_REPEAT_BUYERS = 20;

    private BgNbdFitter() {
    }

    /** Fits the NBD, BG/NBD without dropout, on the same histories (its likelihood ignores t_x). */
    public static ParameterFit fitNoDropoutLimit(PurchaseHistories histories) {
        DistinctHistories distinct = DistinctHistories.of(histories);
        return MaximumLikelihood.maximize(List.of("r", "alpha"), distinct::nbdLogLikelihood,
                new double[]{1, startingAlpha(histories)}, histories.size(), distinct.size());
    }

    private static double startingAlpha(PurchaseHistories histories) {
        // With r = 1, E[λ] = r / α matches the observed repeat rate when α = weeks observed / repeats.
        return Math.max(1e-3, histories.meanAgeWeeks() / Math.max(1.0 / histories.size(), histories.meanFrequency()));
    }

    public static ParameterFit fit(PurchaseHistories histories) {
        int repeatBuyers = histories.repeatBuyers();
        if (repeatBuyers < MIN_REPEAT_BUYERS) {
            throw new DataException("only " + repeatBuyers + " of " + histories.size() + " customers bought again on a later"
                    + " day before the calibration end; the purchase model needs at least " + MIN_REPEAT_BUYERS
                    + " repeat buyers (choose a later calibration end, or a log with more history)");
        }
        DistinctHistories distinct = DistinctHistories.of(histories);
        return MaximumLikelihood.maximize(PARAMETERS, distinct::logLikelihood, new double[]{1, startingAlpha(histories), 1, 1},
                histories.size(), distinct.size());
    }
}
