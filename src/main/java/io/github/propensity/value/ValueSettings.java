// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

/**
 * How customer value is reported: the horizon of the expected purchases and the CLV, and the yearly discount rate
 * the CLV applies to money that comes later.
 *
 * @param horizonDays        days ahead that expected purchases and CLV cover (default 365)
 * @param annualDiscountRate e.g. 0.10 for 10 % a year; 0 for undiscounted value
 */
public record ValueSettings(int horizonDays, double annualDiscountRate) {
    public static final int DEFAULT_HORIZON_DAYS = 365;
    public static final double DEFAULT_ANNUAL_DISCOUNT_RATE = 0.10;
    /** Ten years: beyond that a model fitted on a year or two of purchases is extrapolating, not forecasting. */
    public static final int MAX_HORIZON_DAYS = 3653;

    public static ValueSettings defaults() {
        return new ValueSettings(DEFAULT_HORIZON_DAYS, DEFAULT_ANNUAL_DISCOUNT_RATE);
    }

    public ValueSettings {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("the value horizon must be 1 to " + MAX_HORIZON_DAYS + " days, got " + horizonDays);
        }
        if (!(annualDiscountRate >= 0 && annualDiscountRate < 1)) {
            throw new IllegalArgumentException("the annual discount rate must be at least 0 and below 1 (0.10 = 10 %), got " + annualDiscountRate);
        }
    }
}
