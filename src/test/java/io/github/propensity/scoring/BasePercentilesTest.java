// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table's percentile is the share counted directly and printed to one decimal, ties and extremes included. */
class BasePercentilesTest {
    private static String directly(float[] values, float p) {
        int count = 0;
        for (float value : values) {
            count += value <= p ? 1 : 0;
        }
        return Decimals.format(100.0 * count / values.length, 1);
    }

    @Test
    void printsTheShareAtOrBelowLikeADirectCount() {
        Random random = new Random(8);
        for (int size : new int[]{1, 2, 3, 7, 999, 1000, 1001, 2003, 20_011}) {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                // Rounded to 1/50: long runs of ties.
                values[i] = Math.round(random.nextFloat() * 50) / 50f;
            }
            Arrays.sort(values);
            BasePercentiles table = BasePercentiles.fromSorted(values);
            float[] probes = new float[600];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = i % 2 == 0 ? values[random.nextInt(size)] : random.nextFloat() * 1.1f - 0.05f;
            }
            for (float p : probes) {
                assertEquals(directly(values, p), text(table, p), size + " values, p " + p);
            }
            assertEquals("0.0", text(table, -1f));
            assertEquals("100.0", text(table, 2f));
            assertEquals(directly(values, values[0]), text(table, values[0]));
        }
    }

    @Test
    void distinctScoresGetEveryStepOnce() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1000f;
        }
        BasePercentiles table = BasePercentiles.fromSorted(values);
        for (int i = 0; i < values.length; i++) {
            assertEquals(i + 1, table.tenths(values[i]));
        }
    }

    private static String text(BasePercentiles table, float p) {
        return new String(table.text(table.tenths(p)), StandardCharsets.US_ASCII);
    }
}
