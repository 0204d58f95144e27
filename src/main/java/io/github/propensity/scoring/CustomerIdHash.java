// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * MurmurHash3 (x64, 128-bit) of a customer id's UTF-16 code units, little-endian: the key under which repeated ids
 * are found without holding the ids. With 128 bits, the chance that any two of ten million distinct ids share a
 * hash is about n²/2¹²⁹ ≈ 1.5e-25, so a row is never wrongly dropped as a repeat in practice; 64 bits would give
 * about 3 in a million per run, too often for a check that drops a customer. Public for the backtest, which joins
 * outcomes to a snapshot under the same key.
 */
public final class CustomerIdHash {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private CustomerIdHash() {
    }

    /** Writes the hash of {@code id} into {@code into[at]} and {@code into[at + 1]}. */
    public static void hash(String id, long[] into, int at) {
        int length = id.length();
        long h1 = 0;
        long h2 = 0;
        int blocks = length / 8;
        for (int b = 0; b < blocks; b++) {
            int i = b * 8;
            long k1 = packed(id, i, 4);
            long k2 = packed(id, i + 4, 4);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = length - blocks * 8;
        int start = blocks * 8;
        if (tail > 4) {
            h2 ^= mixK2(packed(id, start + 4, tail - 4));
        }
        if (tail > 0) {
            h1 ^= mixK1(packed(id, start, Math.min(tail, 4)));
        }
        long bytes = 2L * length;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        h1 += h2;
        h2 += h1;
        into[at] = h1;
        into[at + 1] = h2;
    }

    private static long packed(String id, int from, int chars) {
        long value = 0;
        for (int c = 0; c < chars; c++) {
            value |= (long) id.charAt(from + c) << (16 * c);
        }
        return value;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long finalMix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
