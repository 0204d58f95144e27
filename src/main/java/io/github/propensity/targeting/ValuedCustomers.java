// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.util.Arrays;

/**
 * The net values of a snapshot's valued customers, one growable array per group (one group with a flat save rate,
 * the four uplift groups with uplift): 8 bytes a customer, as one array would take, yet each value's group is known
 * without a byte more, so the summary can count the groups on the list. {@link #descending()} walks them merged,
 * best first.
 */
final class ValuedCustomers {
    private final double[][] values;
    private final int[] sizes;

    ValuedCustomers(int groups) {
        values = new double[groups][1 << 12];
        sizes = new int[groups];
    }

    void add(int group, double netValue) {
        if (sizes[group] == values[group].length) {
            values[group] = Arrays.copyOf(values[group], Math.addExact(values[group].length, values[group].length >> 1));
        }
        values[group][sizes[group]++] = netValue;
    }

    long count() {
        long count = 0;
        for (int size : sizes) {
            count += size;
        }
        return count;
    }

    long count(int group) {
        return sizes[group];
    }

    /** Values above {@code threshold} in every group; after {@link #sort()}. */
    long countAbove(double threshold) {
        long above = 0;
        for (int group = 0; group < sizes.length; group++) {
            above += countAbove(group, threshold);
        }
        return above;
    }

    long countAbove(int group, double threshold) {
        return sizes[group] - upperBound(group, threshold);
    }

    long countEqual(int group, double value) {
        return upperBound(group, value) - lowerBound(group, value);
    }

    /** The first position in the sorted group whose value is above {@code value}. */
    private int upperBound(int group, double value) {
        int low = 0;
        int high = sizes[group];
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[group][middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first position in the sorted group whose value is at least {@code value}. */
    private int lowerBound(int group, double value) {
        int low = 0;
        int high = sizes[group];
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[group][middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    int groups() {
        return sizes.length;
    }

    /** Sorts each group; call once, after the last {@link #add}, before {@link #descending()}. */
    void sort() {
        for (int group = 0; group < sizes.length; group++) {
            Arrays.sort(values[group], 0, sizes[group]);
        }
    }

    Cursor descending() {
        return new Cursor();
    }

    /** The values from the highest down; among equal values, the lower group first (sums do not depend on it). */
    final class Cursor {
        /** Per group, how many of its values are still to come: the next is at {@code remaining - 1}. */
        private final int[] remaining = sizes.clone();

        double next() {
            int best = -1;
            for (int group = 0; group < remaining.length; group++) {
                if (remaining[group] > 0 && (best < 0 || values[group][remaining[group] - 1] > values[best][remaining[best] - 1])) {
                    best = group;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("no value left");
            }
            return values[best][--remaining[best]];
        }
    }
}
