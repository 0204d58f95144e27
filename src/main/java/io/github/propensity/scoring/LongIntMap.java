// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An open-addressing map from 64-bit keys to ints: the previous snapshot's customers for migration, at about 24
 * bytes per customer instead of the ~100 of a HashMap of strings. Keys are 64-bit hashes of customer ids; the
 * chance of any collision among ten million ids is about 3 in a million, and one would only blur one count. Public
 * for the server, which compares any two snapshots the same way.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    public int size() {
        return size;
    }

    /** Stores a value; returns false (and keeps the first value) when the key was present. */
    public boolean putIfAbsent(long key, int value) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return false;
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
        return true;
    }

    /** The value, or -1 when absent (stored values are non-negative). */
    public int get(long key) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        return -1;
    }

    /** Overwrites the value of a present key. */
    public void replace(long key, int value) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        int slot = slot(key);
        while (keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        values[slot] = value;
    }

    /** Calls {@code consumer} with every stored value. */
    public void forEachValue(IntConsumer consumer) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                consumer.accept(values[slot]);
            }
        }
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> (64 - Integer.numberOfTrailingZeros(keys.length)));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** A 64-bit FNV-1a hash of a customer id. */
    public static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
