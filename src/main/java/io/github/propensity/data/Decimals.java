// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/** Fixed-point formatting without locale or scientific notation, fast enough for a million rows. */
public final class Decimals {
    private static final long[] SCALES = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** {@link #format} appended to {@code out} without making a string (it runs for millions of values). */
    public static StringBuilder append(StringBuilder out, double value, int places) {
        long scaled = Math.round(Math.abs(value) * SCALES[places]);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        if (places == 0) {
            return out.append(scaled);
        }
        long fraction = scaled % SCALES[places];
        out.append(scaled / SCALES[places]).append('.');
        for (long scale = SCALES[places] / 10; scale > 1 && fraction < scale; scale /= 10) {
            out.append('0');
        }
        return out.append(fraction);
    }

    public static String format(double value, int places) {
        return append(new StringBuilder(24), value, places).toString();
    }
}
