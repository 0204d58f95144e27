// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

/**
 * Customers' repeat-purchase histories at one calibration end, column by column (a million customers are four
 * arrays, not a million objects). Purchases on the same day count as one, as in the papers.
 * <ul>
 *   <li>frequency x: purchase days after the first one;</li>
 *   <li>recency t_x: days from the first to the last purchase day (0 when x = 0);</li>
 *   <li>age T: days from the first purchase day to the calibration end;</li>
 *   <li>mean repeat value: the mean value of the x repeat purchase days (the first day's value is left out, as
 *       the Gamma-Gamma model is fitted); NaN when x = 0.</li>
 * </ul>
 * The models work in weeks; {@link #recencyWeeks} and {@link #ageWeeks} convert.
 */
public final class PurchaseHistories {
    public static final double DAYS_PER_WEEK = 7;

    private final int[] frequency;
    private final int[] recencyDays;
    private final int[] ageDays;
    private final double[] meanRepeatValue;

    public PurchaseHistories(int[] frequency, int[] recencyDays, int[] ageDays, double[] meanRepeatValue) {
        int n = frequency.length;
        if (recencyDays.length != n || ageDays.length != n || meanRepeatValue.length != n) {
            throw new IllegalArgumentException("every customer needs a frequency, recency, age and mean repeat value");
        }
        for (int i = 0; i < n; i++) {
            if (frequency[i] < 0 || recencyDays[i] < 0 || recencyDays[i] > ageDays[i]
                    || (frequency[i] == 0 && recencyDays[i] != 0) || (frequency[i] > recencyDays[i])) {
                throw new IllegalArgumentException("customer " + i + ": frequency " + frequency[i] + ", recency "
                        + recencyDays[i] + " days and age " + ageDays[i] + " days do not describe a purchase history");
            }
        }
        this.frequency = frequency.clone();
        this.recencyDays = recencyDays.clone();
        this.ageDays = ageDays.clone();
        this.meanRepeatValue = meanRepeatValue.clone();
    }

    public int size() {
        return frequency.length;
    }

    public int frequency(int customer) {
        return frequency[customer];
    }

    public int recencyDays(int customer) {
        return recencyDays[customer];
    }

    public int ageDays(int customer) {
        return ageDays[customer];
    }

    public double recencyWeeks(int customer) {
        return recencyDays[customer] / DAYS_PER_WEEK;
    }

    public double ageWeeks(int customer) {
        return ageDays[customer] / DAYS_PER_WEEK;
    }

    public double meanRepeatValue(int customer) {
        return meanRepeatValue[customer];
    }

    /** Mean repeat purchase days per customer. */
    public double meanFrequency() {
        double sum = 0;
        for (int x : frequency) {
            sum += x;
        }
        return sum / frequency.length;
    }

    /** Mean age T in weeks. */
    public double meanAgeWeeks() {
        double sum = 0;
        for (int days : ageDays) {
            sum += days;
        }
        return sum / ageDays.length / DAYS_PER_WEEK;
    }

    /** Customers with at least one repeat purchase day. */
    public int repeatBuyers() {
        int count = 0;
        for (int x : frequency) {
            count += x > 0 ? 1 : 0;
        }
        return count;
    }
}
