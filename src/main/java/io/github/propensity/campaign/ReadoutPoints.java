// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.Locale;

/** How readout figures are written for people (the terminal table and the Markdown page): one spelling for both. */
public final class ReadoutPoints {
    private ReadoutPoints() {
    }

    public static String percent(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * rate);
    }

    /** A lift in percentage points with its interval. */
    public static String points(Estimate lift) {
        if (lift.estimate() == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.2f pp (%+.2f to %+.2f)", 100 * lift.estimate(), 100 * lift.lower(), 100 * lift.upper());
    }

    public static String relative(Estimate lift) {
        if (lift.estimate() == null) {
            return "-";
        }
        return lift.lower() == null ? String.format(Locale.ROOT, "%+.1f %%", 100 * lift.estimate())
                : String.format(Locale.ROOT, "%+.1f %% (%+.1f to %+.1f)", 100 * lift.estimate(), 100 * lift.lower(), 100 * lift.upper());
    }

    public static String plain(Estimate estimate, String format) {
        if (estimate.estimate() == null) {
            return "-";
        }
        String point = String.format(Locale.ROOT, format, estimate.estimate());
        return estimate.lower() == null ? point : point + " (" + String.format(Locale.ROOT, format, estimate.lower()) + " to "
                + String.format(Locale.ROOT, format, estimate.upper()) + ")";
    }

    public static String pValue(Double p) {
        return p == null ? "-" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
