// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The branch-free split test goes the way {@code value < threshold} does, signed zeros and infinities included. */
class SplitComparisonTest {
    private static final float[] SPECIAL = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            1.0f, -1.0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f, -0.5f};

    @Test
    void agreesWithTheFloatComparison() {
        for (float value : SPECIAL) {
            for (float threshold : SPECIAL) {
                assertEquals(value < threshold ? 0 : 1, TreeEnsembleScorer.goesRight(value, threshold), value + " vs " + threshold);
            }
        }
        Random random = new Random(17);
        for (int i = 0; i < 1_000_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            float threshold = i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : Math.nextUp(value) * (random.nextBoolean() ? 1 : -1);
            if (Float.isNaN(value) || Float.isNaN(threshold)) {
                continue;
            }
            assertEquals(value < threshold ? 0 : 1, TreeEnsembleScorer.goesRight(value, threshold), value + " vs " + threshold);
            assertEquals(value < value ? 0 : 1, TreeEnsembleScorer.goesRight(value, value));
        }
    }
}
