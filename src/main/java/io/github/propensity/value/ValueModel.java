// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.Objects;

/**
 * The fitted value models and how they are reported: for one customer history, the {@link ValueColumns}.
 * <p>
 * CLV over a horizon of h days: the horizon is cut into months of 365.25/12 days (the last one shorter); month k's
 * expected purchases E[Y(t_k)] - E[Y(t_(k-1))] are worth {@code expected_order_value} each and are discounted to the
 * as-of date from the month's end, {@code (1 + rate)^-(t_k / 365.25)}. E[Y(t)] = P(alive) E[Y(t) | alive], so
 * P(alive) is computed once per customer, not once per month. Expected purchases never fall as t grows, so
 * no month adds a negative amount (rounding that would make one is clamped at 0).
 */
public record ValueModel(PurchaseModel purchases, GammaGamma orderValue, ValueSettings settings) {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final double DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

    public ValueModel {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(orderValue, "orderValue");
        Objects.requireNonNull(settings, "settings");
        if (!(orderValue.q() > 1)) {
            throw new IllegalArgumentException("the order value model's q is " + orderValue.q()
                    + ": at q <= 1 the mean order value is infinite and no value can be computed");
        }
    }

    /**
     * Writes the {@link ValueColumns} of one history into {@code out} (at least {@link ValueColumns#COUNT} long).
     *
     * @param meanRepeatValue the mean value of the repeat purchase days, ignored when {@code x} is 0
     */
    public void values(int x, double recencyWeeks, double ageWeeks, double meanRepeatValue, double[] out) {
        double horizonWeeks = settings.horizonDays() / PurchaseHistories.DAYS_PER_WEEK;
        double pAlive = purchases.pAlive(x, recencyWeeks, ageWeeks);
        double orderValue = orderValue().expectedOrderValue(x, meanRepeatValue);
        out[ValueColumns.EXPECTED_PURCHASES] = pAlive * purchases.expectedPurchasesIfAlive(horizonWeeks, x, ageWeeks);
        out[ValueColumns.P_ALIVE] = pAlive;
        out[ValueColumns.EXPECTED_ORDER_VALUE] = orderValue;
        out[ValueColumns.CLV] = orderValue * pAlive * discountedPurchasesIfAlive(x, ageWeeks);
        out[ValueColumns.DAYS_TO_NEXT_PURCHASE] = purchases.medianWeeksToNextPurchase(x, ageWeeks) * PurchaseHistories.DAYS_PER_WEEK;
    }

    /** Expected purchases over the horizon of a customer still active, each discounted from the end of its month. */
    double discountedPurchasesIfAlive(int x, double ageWeeks) {
        int horizon = settings.horizonDays();
        int months = (int) Math.ceil(horizon / DAYS_PER_MONTH - 1e-9);
        double logDiscount = Math.log1p(settings.annualDiscountRate());
        double previous = 0;
        double total = 0;
        for (int k = 1; k <= months; k++) {
            double days = Math.min(k * DAYS_PER_MONTH, horizon);
            double expected = purchases.expectedPurchasesIfAlive(days / PurchaseHistories.DAYS_PER_WEEK, x, ageWeeks);
            total += Math.max(0, expected - previous) * Math.exp(-logDiscount * days / DAYS_PER_YEAR);
            previous = Math.max(previous, expected);
        }
        return total;
    }
}
