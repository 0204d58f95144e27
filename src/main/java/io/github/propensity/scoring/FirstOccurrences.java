// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * The input line on which each customer id was first scored, keyed by the id's 128-bit {@link CustomerIdHash}:
 * open addressing at most three quarters full, 20 bytes a slot, so 10M customers take 335 MB and no id is held. A run
 * that can estimate its rows ({@link #reserve}) sizes the table once instead of doubling it, which would hold the old
 * and the new table at once.
 */
final class FirstOccurrences {
    private static final int MAX_CAPACITY = 1 << 30;
    private long[] high;
    private long[] low;
    /** 0 marks an empty slot: input lines start at 1. */
    private int[] lines;
    private int size;

    FirstOccurrences(int expected) {
        allocate(capacityFor(expected));
    }

    /** Makes room for {@code expected} ids in all, if the table is smaller (an estimate: it never fails). */
    void reserve(long expected) {
        int capacity = capacityFor(expected);
        if (capacity > lines.length) {
            rehash(capacity);
        }
    }

    /** The power of two that holds {@code expected} ids at most three quarters full, capped at the largest table. */
    private static int capacityFor(long expected) {
        long needed = Math.max(16, expected * 4 / 3 + 1);
        return (int) Math.min(MAX_CAPACITY, Long.highestOneBit(needed - 1) << 1);
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        lines = new int[capacity];
    }

    int size() {
        return size;
    }

    /**
     * Records {@code line} as the first line of the id hashed into {@code hash[at]} and {@code hash[at + 1]}.
     *
     * @return 0 when the id is new, else the line it first appeared on (which stays recorded)
     */
    long putIfAbsent(long[] hash, int at, long line) {
        if (line < 1 || line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input line " + line + " is outside 1.." + Integer.MAX_VALUE);
        }
        if ((size + 1) * 4L > lines.length * 3L) {
            if (lines.length == MAX_CAPACITY) {
                throw new IllegalStateException("more than " + size + " customers in one run");
            }
            rehash(lines.length * 2);
        }
        return insert(hash[at], hash[at + 1], (int) line);
    }

    private long insert(long h1, long h2, int line) {
        int mask = lines.length - 1;
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (lines[slot] != 0) {
            if (high[slot] == h1 && low[slot] == h2) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = h1;
        low[slot] = h2;
        lines[slot] = line;
        size++;
        return 0;
    }

    private void rehash(int capacity) {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldLines = lines;
        allocate(capacity);
        size = 0;
        for (int slot = 0; slot < oldLines.length; slot++) {
            if (oldLines[slot] != 0) {
                insert(oldHigh[slot], oldLow[slot], oldLines[slot]);
            }
        }
    }
}
