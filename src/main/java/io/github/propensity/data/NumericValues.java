// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/** Parsing of numeric cells, shared by schema inference and the feature encoder so both agree on what a number is. */
public final class NumericValues {
    /** Exact powers of ten as doubles (10^22 is the largest exactly representable). */
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private NumericValues() {
    }

    /** The finite number a stripped cell holds, or null if it holds none ("NaN" and "Infinity" are not numbers here). */
    public static Double parse(String stripped) {
        double value = parseOrNaN(stripped);
        return Double.isNaN(value) ? null : value;
    }

    /**
     * {@link #parse} without boxing, for the per-cell paths that run millions of times: NaN when the cell holds no
     * finite number.
     */
    public static double parseOrNaN(String stripped) {
        if (stripped.isEmpty()) {
            return Double.NaN;
        }
        char first = stripped.charAt(0);
        char last = stripped.charAt(stripped.length() - 1);
        // Double.parseDouble also takes "1d", "0x1p3", "NaN": none of these is a number in a customer CSV.
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')
                || !(Character.isDigit(last) || last == '.')) {
            return Double.NaN;
        }
        double fast = parsePlainDecimal(stripped);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(stripped);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Clinger's fast path for the plain decimals that fill customer files ("41", "-3.5", "1234.56"): with at most
     * 15 digits the digits form an exact long and dividing by an exact power of ten rounds once, so the result is
     * the same double {@link Double#parseDouble} gives. NaN means "not plain; use the full parser".
     */
    private static double parsePlainDecimal(String text) {
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (seenPoint) {
                    fractionDigits++;
                }
                if (digits > 15) {
                    return Double.NaN;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || mantissa >= MAX_EXACT_MANTISSA) {
            return Double.NaN;
        }
        double value = mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }
}
