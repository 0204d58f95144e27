// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * The input line on which each customer id was first scored, keyed by the id's 128-bit {@link CustomerIdHash}:
 * open addressing at most three quarters full, 24 bytes a slot, so 1M customers take 50 MB and 10M 400 MB (what the
 * 64-bit map of earlier versions took at its half-full load), and no id is held.
 */
final class FirstOccurrences {
    private long[] high;
    private long[] low;
    /** 0 marks an empty slot: input lines start at 1. */
    private long[] lines;
    private int size;

    FirstOccurrences(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3 + 1) - 1) << 1;
        high = new long[capacity];
        low = new long[capacity];
        lines = new long[capacity];
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
        if (line < 1) {
            throw new IllegalArgumentException("input lines start at 1");
        }
        if ((size + 1) * 4L > lines.length * 3L) {
            grow();
        }
        return insert(hash[at], hash[at + 1], line);
    }

    private long insert(long h1, long h2, long line) {
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

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldLines = lines;
        high = new long[oldLines.length * 2];
        low = new long[oldLines.length * 2];
        lines = new long[oldLines.length * 2];
        size = 0;
        for (int slot = 0; slot < oldLines.length; slot++) {
            if (oldLines[slot] != 0) {
                insert(oldHigh[slot], oldLow[slot], oldLines[slot]);
            }
        }
    }
}
