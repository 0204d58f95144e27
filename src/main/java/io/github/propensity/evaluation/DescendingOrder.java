// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

/**
 * Row indices by value, highest first, tied values in input order (the order deciles cut on). A stable merge sort
 * of primitive indices: the same order a stable sort of boxed {@code Integer} indices gives, at 8 bytes a row
 * instead of about 20 plus the sort's own buffer.
 */
final class DescendingOrder {
    private DescendingOrder() {
    }

    static int[] of(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        // Widths and run ends in long: doubling past 2^30 rows must not wrap around.
        for (long width = 1; width < n; width *= 2) {
            for (long low = 0; low < n; low += 2 * width) {
                int middle = (int) Math.min(low + width, n);
                int high = (int) Math.min(low + 2 * width, n);
                merge(values, order, buffer, (int) low, middle, high);
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /** Merges runs [low, middle) and [middle, high) of {@code from} into {@code to}; the left run wins ties. */
    private static void merge(double[] values, int[] from, int[] to, int low, int middle, int high) {
        int left = low;
        int right = middle;
        for (int k = low; k < high; k++) {
            boolean takeRight = left >= middle
                    || (right < high && Double.compare(values[from[right]], values[from[left]]) > 0);
            to[k] = takeRight ? from[right++] : from[left++];
        }
    }
}
