// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The indexed count agrees with counting directly, ties and block edges included. */
class SortedScoresTest {
    private static int countDirectly(float[] values, float p) {
        int count = 0;
        for (float value : values) {
            count += value <= p ? 1 : 0;
        }
        return count;
    }

    @Test
    void countsValuesAtOrBelowLikeADirectCount() {
        Random random = new Random(8);
        for (int size : new int[]{1, 63, 64, 65, 1000, 20_011}) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                // Rounded to 1/50: long runs of ties that straddle block boundaries.
                values[i] = Math.round(random.nextFloat() * 50) / 50f;
            }
            Arrays.sort(values);
            SortedScores sorted = new SortedScores(values);
            float[] probes = new float[500];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = i % 2 == 0 ? values[random.nextInt(size)] : random.nextFloat() * 1.1f - 0.05f;
            }
            for (float p : probes) {
                assertEquals(countDirectly(values, p), sorted.countAtMost(p), size + " values, p " + p);
            }
            assertEquals(0, sorted.countAtMost(-1f));
            assertEquals(size, sorted.countAtMost(2f));
        }
    }
}
