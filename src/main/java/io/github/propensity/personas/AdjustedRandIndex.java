// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement of two partitions of the same items, corrected for chance (Hubert &amp; Arabie 1985): 1 for identical
 * partitions up to relabelling, about 0 for independent ones. Computed from the contingency table, so it costs one
 * pass over the items and memory in the number of label pairs.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    /** ARI of two labellings of the same items (labels are any ints; only equality matters). */
    public static double of(int[] first, int[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the two labellings cover " + first.length + " and " + second.length + " items");
        }
        if (first.length < 2) {
            throw new IllegalArgumentException("the adjusted Rand index needs at least two items");
        }
        Map<Long, long[]> cells = new HashMap<>();
        Map<Integer, long[]> rows = new HashMap<>();
        Map<Integer, long[]> columns = new HashMap<>();
        for (int i = 0; i < first.length; i++) {
            cells.computeIfAbsent(((long) first[i] << 32) ^ (second[i] & 0xffffffffL), key -> new long[1])[0]++;
            rows.computeIfAbsent(first[i], key -> new long[1])[0]++;
            columns.computeIfAbsent(second[i], key -> new long[1])[0]++;
        }
        double index = 0;
        for (long[] count : cells.values()) {
            index += pairs(count[0]);
        }
        double rowPairs = 0;
        for (long[] count : rows.values()) {
            rowPairs += pairs(count[0]);
        }
        double columnPairs = 0;
        for (long[] count : columns.values()) {
            columnPairs += pairs(count[0]);
        }
        double expected = rowPairs * columnPairs / pairs(first.length);
        double maximum = (rowPairs + columnPairs) / 2;
        if (maximum == expected) {
            // Both partitions put everything in one cluster (or each item alone): they agree perfectly.
            return 1.0;
        }
        return (index - expected) / (maximum - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
