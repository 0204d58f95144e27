// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.charset.StandardCharsets;

/**
 * Each customer's percentile within this base (share scoring at or below them, 0-100 in steps of 0.1), from the
 * base's sorted probabilities. The printed percentile takes only 1,001 values and rises with the probability, so the
 * table keeps, per printed value, the lowest probability that reaches it: a lookup is a binary search over 1,001
 * floats that stay in cache, not over millions of scores, and the text of each value is made once.
 */
final class BasePercentiles {
    static final int STEPS = 1000;
    /** [tenths] the lowest probability printed as at least {@code tenths / 10}. */
    private final float[] lowestReaching = new float[STEPS + 1];
    private final byte[][] text = new byte[STEPS + 1][];

    /** @param sorted a base's probabilities, ascending, at least one */
    BasePercentiles(float[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no scores to rank");
        }
        int count = 0;
        for (int tenths = 0; tenths <= STEPS; tenths++) {
            // The fewest customers at or below p that print as tenths: the share rounds up to it.
            while (count < n && tenthsOf(count, n) < tenths) {
                count++;
            }
            // Counting `count` customers at or below p first happens at p = sorted[count - 1]; all n print as 100.0,
            // so every step is reached.
            lowestReaching[tenths] = count == 0 ? Float.NEGATIVE_INFINITY : sorted[count - 1];
            text[tenths] = (tenths / 10 + "." + tenths % 10).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** {@code count} of {@code n} customers as a percentage in tenths, rounded half up. */
    static int tenthsOf(long count, long n) {
        return (int) Math.round(100.0 * count / n * 10);
    }

    /** The percentile of a probability, in tenths (0 to 1000). */
    int tenths(float probability) {
        int low = 0;
        int high = STEPS;
        // The last step whose lowest probability is at or below p; step 0 always is.
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lowestReaching[middle] <= probability) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The percentile's text, e.g. {@code 97.5}, as ASCII bytes; not to be changed. */
    byte[] text(int tenths) {
        return text[tenths];
    }
}
