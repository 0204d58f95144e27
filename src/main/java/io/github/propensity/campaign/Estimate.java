// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/**
 * A point estimate with its 95 % interval; any part null where it is undefined (an empty group, no responders for a
 * ratio, too few bootstrap replicates with a value).
 */
public record Estimate(Double estimate, Double lower, Double upper) {
    static Estimate of(double estimate, Interval interval) {
        return new Estimate(finite(estimate), interval == null ? null : interval.lower(), interval == null ? null : interval.upper());
    }

    static Estimate none() {
        return new Estimate(null, null, null);
    }

    /** The estimate and interval times a factor (lift to incremental customers). */
    Estimate times(double factor) {
        return new Estimate(estimate == null ? null : estimate * factor,
                lower == null ? null : Math.min(lower * factor, upper * factor),
                upper == null ? null : Math.max(lower * factor, upper * factor));
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
