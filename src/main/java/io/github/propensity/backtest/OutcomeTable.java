// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

/**
 * The outcome of each labelled customer, keyed by the id's 128-bit {@code CustomerIdHash} (as rescoring's repeated-id
 * check keys them): open addressing at most three quarters full, 17 bytes a slot, so ten million outcomes take about
 * 300 MB and no id is held. A slot also remembers whether a snapshot row has claimed it, so outcomes the snapshot
 * lacks are counted without a second table.
 */
final class OutcomeTable {
    private static final int MAX_CAPACITY = 1 << 30;
    private static final byte EMPTY = 0;
    private static final byte NEGATIVE = 1;
    private static final byte POSITIVE = 2;
    private static final byte CLAIMED = 4;

    /** What {@link #claim} found. */
    enum Claim { ABSENT, NEGATIVE, POSITIVE, ALREADY_CLAIMED }

    private long[] high;
    private long[] low;
    private byte[] states;
    private int size;
    private long claimed;

    OutcomeTable(long expected) {
        allocate(capacityFor(expected));
    }

    /** Makes room for {@code expected} outcomes in all, if the table is smaller (an estimate: it never fails). */
    void reserve(long expected) {
        int capacity = capacityFor(expected);
        if (capacity > states.length) {
            rehash(capacity);
        }
    }

    private static int capacityFor(long expected) {
        long needed = Math.max(16, expected * 4 / 3 + 1);
        return (int) Math.min(MAX_CAPACITY, Long.highestOneBit(needed - 1) << 1);
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        states = new byte[capacity];
    }

    /** Distinct customers with an outcome. */
    int size() {
        return size;
    }

    /** Customers a snapshot row has claimed. */
    long claimed() {
        return claimed;
    }

    /** Adds an outcome; false (the first one kept) when the id is already there. */
    boolean add(long h1, long h2, boolean positive) {
        if ((size + 1) * 4L > states.length * 3L) {
            if (states.length == MAX_CAPACITY) {
                throw new IllegalStateException("more than " + size + " customers in one outcomes file");
            }
            rehash(states.length * 2);
        }
        int slot = find(h1, h2);
        if (states[slot] != EMPTY) {
            return false;
        }
        high[slot] = h1;
        low[slot] = h2;
        states[slot] = positive ? POSITIVE : NEGATIVE;
        size++;
        return true;
    }

    /** Looks a scored customer up and claims their outcome, so it is measured once. */
    Claim claim(long h1, long h2) {
        int slot = find(h1, h2);
        byte state = states[slot];
        if (state == EMPTY) {
            return Claim.ABSENT;
        }
        if ((state & CLAIMED) != 0) {
            return Claim.ALREADY_CLAIMED;
        }
        states[slot] = (byte) (state | CLAIMED);
        claimed++;
        return (state & POSITIVE) != 0 ? Claim.POSITIVE : Claim.NEGATIVE;
    }

    /** The id's slot, or the empty slot where it would go. */
    private int find(long h1, long h2) {
        int mask = states.length - 1;
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (states[slot] != EMPTY && (high[slot] != h1 || low[slot] != h2)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash(int capacity) {
        long[] oldHigh = high;
        long[] oldLow = low;
        byte[] oldStates = states;
        allocate(capacity);
        for (int slot = 0; slot < oldStates.length; slot++) {
            if (oldStates[slot] != EMPTY) {
                int to = find(oldHigh[slot], oldLow[slot]);
                high[to] = oldHigh[slot];
                low[to] = oldLow[slot];
                states[to] = oldStates[slot];
            }
        }
    }
}
