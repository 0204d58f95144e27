// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The held-out comparison ranks a uniform sample of a large pool, yet measures what the whole pool would. */
class EvaluationRowsTest {
    @Test
    void aSmallPoolIsRankedWhole() {
        int[] training = {1, 5, 9};
        int[] heldOut = {2, 7};
        EvaluationRows rows = EvaluationRows.draw(20, training, heldOut, new Random(1));
        assertFalse(rows.sampled());
        assertEquals(17, rows.rows().length);
        assertTrue(IntStream.range(0, rows.rows().length).allMatch(i -> rows.inSample()[i]));
        assertTrue(Arrays.stream(rows.rows()).noneMatch(r -> r == 1 || r == 5 || r == 9));
        assertEquals(2, IntStream.range(0, rows.rows().length).filter(i -> rows.heldOut()[i]).count());
    }

    /** Recall on the sample agrees with recall on the whole pool, computed the direct way. */
    @Test
    void aSampledPoolMeasuresTheRecallOfTheWholePool() {
        int pool = 1_200_000;
        Random random = new Random(3);
        double[] scores = new double[pool];
        for (int i = 0; i < pool; i++) {
            scores[i] = random.nextGaussian();
        }
        int[] seed = random.ints(0, pool).distinct().limit(10_000).toArray();
        for (int row : seed) {
            scores[row] += 1.5;
        }
        int[] training = Arrays.copyOfRange(seed, 2000, seed.length);
        int[] heldOut = Arrays.copyOfRange(seed, 0, 2000);
        LookalikeCard.MethodQuality exact = HeldOutRecall.measure("m", scores, training, heldOut, 0.05);

        EvaluationRows rows = EvaluationRows.draw(pool, training, heldOut, new Random(4));
        assertTrue(rows.sampled());
        assertEquals(EvaluationRows.SAMPLE, rows.sampleSize(), 1500);
        double[] sampledScores = Arrays.stream(rows.rows()).mapToDouble(r -> scores[r]).toArray();
        LookalikeCard.MethodQuality sampled = HeldOutRecall.measure("m", sampledScores, rows.inSample(), rows.heldOut(), 0.05);
        assertEquals(2000, sampled.heldOut());
        assertEquals(exact.recallTop5(), sampled.recallTop5(), 0.02);
        assertEquals(exact.recallTop10(), sampled.recallTop10(), 0.02);
        assertEquals(exact.recallAtSize(), sampled.recallAtSize(), 0.02);
    }
}
