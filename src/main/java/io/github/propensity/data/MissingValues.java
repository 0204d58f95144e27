// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.Locale;
import java.util.Set;

/** The spellings of "no value" that exports from spreadsheets, R, pandas and SQL tools commonly produce. */
public final class MissingValues {
    private static final Set<String> TOKENS = Set.of("", "na", "n/a", "null", "?", "nan");

    private MissingValues() {
    }

    public static boolean isMissing(String raw) {
        if (raw == null) {
            return true;
        }
        String trimmed = raw.strip();
        return trimmed.length() <= 4 && TOKENS.contains(trimmed.toLowerCase(Locale.ROOT));
    }
}
