// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.charset.StandardCharsets;

/**
 * Each customer's percentile within this base (share scoring at or below them, 0-100 in steps of 0.1), from the
 * base's sorted probabilities. The printed percentile takes only 1,001 values and rises with the probability, so the
 * table keeps, per printed value, the lowest probability that reaches it: a lookup is a binary search over 1,001
 * floats that stay in cache, not over millions of scores, and the text of each value is made once.
 * <p>
 * The lowest probability reaching step {@code t} (1-1000) is the base's quantile at share {@code (t - 0.5) / 1000}
 * ({@link #stepShares()}): a base too large to sort on one machine gives approximate quantiles there
 * ({@link #fromQuantiles}), and a quantile whose rank is off by at most {@code e * n} moves a customer's percentile by
 * at most {@code 100 * e} points, plus one step for the rounding.
 */
public final class BasePercentiles {
    static final int STEPS = 1000;
    /** [tenths] the lowest probability printed as at least {@code tenths / 10}. */
    private final float[] lowestReaching = new float[STEPS + 1];
    private final byte[][] text = new byte[STEPS + 1][];

    /** @param sorted a base's probabilities, ascending, at least one */
    static BasePercentiles fromSorted(float[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no scores to rank");
        }
        float[] lowest = new float[STEPS + 1];
        int count = 0;
        for (int tenths = 0; tenths <= STEPS; tenths++) {
            // The fewest customers at or below p that print as tenths: the share rounds up to it.
            while (count < n && tenthsOf(count, n) < tenths) {
                count++;
            }
            // Counting `count` customers at or below p first happens at p = sorted[count - 1]; all n print as 100.0,
            // so every step is reached.
            lowest[tenths] = count == 0 ? Float.NEGATIVE_INFINITY : sorted[count - 1];
        }
        return new BasePercentiles(lowest);
    }

    private BasePercentiles(float[] lowestReaching) {
        System.arraycopy(lowestReaching, 0, this.lowestReaching, 0, STEPS + 1);
        for (int tenths = 0; tenths <= STEPS; tenths++) {
            text[tenths] = (tenths / 10 + "." + tenths % 10).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The shares of the base at which {@link #fromQuantiles} wants the quantiles: (t - 0.5) / 1000 for t = 1..1000. */
    public static double[] stepShares() {
        double[] shares = new double[STEPS];
        for (int t = 1; t <= STEPS; t++) {
            shares[t - 1] = (t - 0.5) / STEPS;
        }
        return shares;
    }

    /**
     * Percentiles from the base's quantiles at {@link #stepShares()}, ascending (as Spark's {@code approxQuantile}
     * gives them), instead of from every sorted probability.
     */
    public static BasePercentiles fromQuantiles(double[] quantiles) {
        if (quantiles.length != STEPS) {
            throw new IllegalArgumentException("need the " + STEPS + " quantiles at stepShares(), got " + quantiles.length);
        }
        float[] lowest = new float[STEPS + 1];
        lowest[0] = Float.NEGATIVE_INFINITY;
        for (int t = 1; t <= STEPS; t++) {
            // As the base's probabilities are kept in the CLI: floats, so equal customers compare equal here too.
            lowest[t] = (float) quantiles[t - 1];
            if (lowest[t] < lowest[t - 1]) {
                throw new IllegalArgumentException("quantiles must not fall: " + quantiles[t - 1] + " after " + lowest[t - 1]);
            }
        }
        return new BasePercentiles(lowest);
    }

    /** The percentile within the base (0-100, in steps of 0.1) of a probability. */
    public double percentile(float probability) {
        return tenths(probability) / 10.0;
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
