// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

/**
 * What the calibration customers did in the holdout period after the calibration end: purchase days (same-day
 * purchases count once, as in the calibration histories) and net spend (bought minus returned), per customer in
 * the order of their {@link PurchaseHistories}.
 *
 * @param weeks length of the holdout period
 */
public record HoldoutOutcomes(int[] purchaseDays, double[] spend, double weeks) {
    public HoldoutOutcomes {
        if (purchaseDays.length != spend.length) {
            throw new IllegalArgumentException("one purchase count and one spend per customer");
        }
        Parameters.requirePositive("holdout weeks", weeks);
        purchaseDays = purchaseDays.clone();
        spend = spend.clone();
    }

    public int size() {
        return purchaseDays.length;
    }
}
