// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.List;

/** The spellings of "no value" that exports from spreadsheets, R, pandas and SQL tools commonly produce. */
public final class MissingValues {
    private static final List<String> TOKENS = List.of("", "na", "n/a", "null", "?", "nan");

    private MissingValues() {
    }

    public static boolean isMissing(String raw) {
        if (raw == null || raw.isEmpty()) {
            return true;
        }
        // Fast path for the common case, called for every cell: every missing spelling starts with n, N, ? or a
        // blank, or ends with a blank, so anything else is a value without further work.
        char first = raw.charAt(0);
        char last = raw.charAt(raw.length() - 1);
        if (first != 'n' && first != 'N' && first != '?' && !Character.isWhitespace(first) && !Character.isWhitespace(last)) {
            return false;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 4) {
            return false;
        }
        // Compared in place: "no" and "North" pass through here for every row, so no lower-cased copy is made.
        for (String token : TOKENS) {
            if (token.equalsIgnoreCase(trimmed)) {
                return true;
            }
        }
        return false;
    }
}
