// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The cut-offs and windows of a feature build.
 *
 * @param asOfDates    cut-off dates; features know the log up to the end of each, labels look only after it
 * @param horizonDays  days after the cut-off the labels look at
 * @param lookbackDays days before the cut-off (inclusive) that define "active", RFM frequency and monetary value
 */
public record FeatureSettings(List<LocalDate> asOfDates, int horizonDays, int lookbackDays, LabelChoice labels) {
    /** Shorter windows reported next to the lookback, when shorter than it. */
    private static final int[] STANDARD_WINDOWS = {30, 90, 180};
    /** Recent-versus-previous change compares two windows of this many days (or half the lookback, if shorter). */
    private static final int CHANGE_WINDOW = 90;

    public FeatureSettings {
        Objects.requireNonNull(labels, "labels");
        if (asOfDates == null || asOfDates.isEmpty()) {
            throw new IllegalArgumentException("at least one as-of date is required");
        }
        asOfDates = List.copyOf(new TreeSet<>(asOfDates));
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 day, got " + horizonDays);
        }
        if (lookbackDays < 2) {
            throw new IllegalArgumentException("the lookback must be at least 2 days, got " + lookbackDays);
        }
    }

    /** Window lengths in days, ascending, ending with the lookback. */
    public int[] windows() {
        TreeSet<Integer> windows = new TreeSet<>();
        for (int window : STANDARD_WINDOWS) {
            if (window < lookbackDays) {
                windows.add(window);
            }
        }
        windows.add(lookbackDays);
        return windows.stream().mapToInt(Integer::intValue).toArray();
    }

    public int changeWindowDays() {
        return Math.min(CHANGE_WINDOW, lookbackDays / 2);
    }
}
