// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/** Fixed-point formatting without locale or scientific notation, fast enough for a million rows. */
public final class Decimals {
    private static final long[] SCALES = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    public static String format(double value, int places) {
        long scaled = Math.round(Math.abs(value) * SCALES[places]);
        String sign = value < 0 && scaled != 0 ? "-" : "";
        if (places == 0) {
            return sign + scaled;
        }
        String fraction = Long.toString(scaled % SCALES[places]);
        return sign + scaled / SCALES[places] + "." + "0".repeat(places - fraction.length()) + fraction;
    }
}
