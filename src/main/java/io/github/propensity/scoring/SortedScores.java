// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * A base's sorted probabilities with a small index of every {@value #STRIDE}th one, so that "how many score at or
 * below p" for each of millions of customers first searches an index that stays in cache, then one short block,
 * instead of jumping across the whole array (one cache miss per step) every time.
 */
final class SortedScores {
    static final int STRIDE = 64;
    private final float[] sorted;
    private final float[] blockFirst;

    /** @param sorted ascending; not copied, and not to be changed afterwards */
    SortedScores(float[] sorted) {
        this.sorted = sorted;
        this.blockFirst = new float[(sorted.length + STRIDE - 1) / STRIDE];
        for (int b = 0; b < blockFirst.length; b++) {
            blockFirst[b] = sorted[b * STRIDE];
        }
    }

    int size() {
        return sorted.length;
    }

    /** The number of values at or below {@code probability}. */
    int countAtMost(float probability) {
        // Blocks whose first value is at or below p: the last of them holds the boundary.
        int blocks = upperBound(blockFirst, 0, blockFirst.length, probability);
        if (blocks == 0) {
            return 0;
        }
        int from = (blocks - 1) * STRIDE;
        return upperBound(sorted, from, Math.min(sorted.length, from + STRIDE), probability);
    }

    /** The first index in [from, to) whose value exceeds {@code value} (to when none does). */
    private static int upperBound(float[] values, int from, int to, float value) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
