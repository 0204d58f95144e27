// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.Objects;

/**
 * One method's forecast of every calibration customer's holdout purchase days.
 *
 * @param method             e.g. {@code bgnbd}, {@code rate_x_horizon}, {@code poisson_gbm}
 * @param purchases          expected purchase days in the holdout, per customer
 * @param anyPurchaseScore   per customer, what ranks "buys at all in the holdout" (a probability where the method
 *                           has one, otherwise the forecast count)
 */
public record HoldoutForecast(String method, String description, double[] purchases, double[] anyPurchaseScore) {
    public HoldoutForecast {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(description, "description");
        if (purchases.length != anyPurchaseScore.length) {
            throw new IllegalArgumentException("one forecast and one score per customer");
        }
    }
}
