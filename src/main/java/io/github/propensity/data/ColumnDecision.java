// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.List;
import java.util.Objects;
import java.util.Locale;

/**
 * What schema inference decided for one column: its kind, or why it is not a feature.
 *
 * @param missingTokens non-numeric spellings seen in a numeric column (e.g. "unknown") that are read as missing,
 *                      so that scoring treats them exactly as training did
 * @param trueToken     for a boolean column, the lower-case spelling of true ("yes", "true", "1", ...)
 * @param falseToken    for a boolean column, the lower-case spelling of false
 * @param exclusion     null for a feature, otherwise the reason it is left out
 */
public record ColumnDecision(String name, ColumnKind kind, int missing, int distinct, List<String> missingTokens,
                             String trueToken, String falseToken, String exclusion) {
    public ColumnDecision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        missingTokens = List.copyOf(missingTokens);
        if (kind == ColumnKind.BOOLEAN && (trueToken == null || falseToken == null)) {
            throw new IllegalArgumentException("a boolean column needs its true and false spellings: " + name);
        }
    }

    public boolean isFeature() {
        return exclusion == null;
    }

    public String describe() {
        String base = String.format(Locale.ROOT, "%-28s %-11s missing=%d distinct=%d", name, kind.label(), missing, distinct);
        if (kind == ColumnKind.BOOLEAN) {
            base += " (" + trueToken + "/" + falseToken + ")";
        }
        if (!missingTokens.isEmpty()) {
            base += " also-missing=" + missingTokens;
        }
        return exclusion == null ? base : base + "  EXCLUDED: " + exclusion;
    }
}
