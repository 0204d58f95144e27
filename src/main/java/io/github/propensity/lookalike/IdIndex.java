// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.ArrayList;
import java.util.List;

/**
 * The pool's customer ids in row order with an open-addressing index from id to row: one {@code int} per slot
 * instead of a {@code HashMap} entry and a boxed row per customer, two million fewer objects for the collector to
 * copy while a million-customer pool is read.
 */
final class IdIndex {
    private static final double MAX_LOAD = 0.5;

    private final List<String> ids = new ArrayList<>();
    /** Row + 1 per slot; 0 is empty. */
    private int[] slots = new int[1 << 12];

    /** Adds {@code id} as the next row; false (nothing added) when it is already there. */
    boolean add(String id) {
        if (ids.size() + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        int mask = slots.length - 1;
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                ids.add(id);
                slots[slot] = ids.size();
                return true;
            }
            if (ids.get(entry - 1).equals(id)) {
                return false;
            }
        }
    }

    /** The row of {@code id}, or -1 when it is not there. */
    int rowOf(String id) {
        int mask = slots.length - 1;
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (ids.get(entry - 1).equals(id)) {
                return entry - 1;
            }
        }
    }

    int size() {
        return ids.size();
    }

    /** The ids in row order; not to be changed. */
    List<String> ids() {
        return ids;
    }

    private void grow() {
        if (slots.length >= 1 << 30) {
            throw new IllegalStateException("more than " + (1 << 29) + " customers in one pool");
        }
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length - 1;
        for (int entry : old) {
            if (entry != 0) {
                int slot = spread(ids.get(entry - 1).hashCode()) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    /** Mixes the hash's high bits into the low ones that pick the slot (ids such as C0000001 differ in few bits). */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
