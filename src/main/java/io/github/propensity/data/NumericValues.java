// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/** Parsing of numeric cells, shared by schema inference and the feature encoder so both agree on what a number is. */
public final class NumericValues {
    private NumericValues() {
    }

    /** The finite number a stripped cell holds, or null if it holds none ("NaN" and "Infinity" are not numbers here). */
    public static Double parse(String stripped) {
        if (stripped.isEmpty()) {
            return null;
        }
        char first = stripped.charAt(0);
        char last = stripped.charAt(stripped.length() - 1);
        // Double.parseDouble also takes "1d", "0x1p3", "NaN": none of these is a number in a customer CSV.
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')
                || !(Character.isDigit(last) || last == '.')) {
            return null;
        }
        try {
            double value = Double.parseDouble(stripped);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
