// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/** A two-sided confidence interval, {@code lower <= upper}. */
public record Interval(double lower, double upper) {
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("an interval needs lower <= upper, not [" + lower + ", " + upper + "]");
        }
    }

    /** The interval of {@code factor} times the quantity (a negative factor swaps the ends). */
    public Interval times(double factor) {
        double a = lower * factor;
        double b = upper * factor;
        return new Interval(Math.min(a, b), Math.max(a, b));
    }
}
