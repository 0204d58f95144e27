// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Held-out recall and lift on a pool with more held-out seed members than an {@code int} product of counts can
 * square, against a ranking sorted independently (boxed rows by score, highest first).
 */
class HeldOutRecallAtScaleTest {
    private static final int POOL = 600_000;

    @Test
    void recallAndLiftMatchHeldOutMembersCountedInTheIndependentlySortedTopOfThePool() {
        Random random = new Random(7);
        boolean[] training = new boolean[POOL];
        boolean[] heldOutMember = new boolean[POOL];
        double[] scores = new double[POOL];
        int trainingCount = 0;
        int heldOutCount = 0;
        for (int row = 0; row < POOL; row++) {
            double draw = random.nextDouble();
            training[row] = draw < 0.2;
            heldOutMember[row] = draw >= 0.2 && draw < 0.6;
            trainingCount += training[row] ? 1 : 0;
            heldOutCount += heldOutMember[row] ? 1 : 0;
            // Continuous scores (no ties); seed members score higher on average.
            scores[row] = random.nextGaussian() + (training[row] || heldOutMember[row] ? 0.8 : 0);
        }
        assertTrue(heldOutCount > 200_000, "held-out members: " + heldOutCount);
        int[] trainingRows = rowsWhere(training, trainingCount);
        int[] heldOutRows = rowsWhere(heldOutMember, heldOutCount);
        double sizeShare = 0.37;

        LookalikeCard.MethodQuality quality = HeldOutRecall.measure("m", scores, trainingRows, heldOutRows, sizeShare);

        Integer[] ranked = new Integer[POOL - trainingCount];
        for (int row = 0, k = 0; row < POOL; row++) {
            if (!training[row]) {
                ranked[k++] = row;
            }
        }
        Arrays.sort(ranked, Comparator.comparingDouble((Integer row) -> scores[row]).reversed());
        assertEquals(heldOutCount, quality.heldOut());
        assertEquals(heldOutShareOfTop(ranked, 0.01, heldOutMember, heldOutCount), quality.recallTop1(), 1e-15);
        assertEquals(heldOutShareOfTop(ranked, 0.05, heldOutMember, heldOutCount), quality.recallTop5(), 1e-15);
        double top10 = heldOutShareOfTop(ranked, 0.10, heldOutMember, heldOutCount);
        assertEquals(top10, quality.recallTop10(), 1e-15);
        assertEquals(heldOutShareOfTop(ranked, sizeShare, heldOutMember, heldOutCount), quality.recallAtSize(), 1e-15);
        assertEquals(top10 * 10, quality.liftTop10(), 1e-12);
    }

    private static double heldOutShareOfTop(Integer[] ranked, double share, boolean[] heldOutMember, long heldOutCount) {
        long top = Math.round(share * ranked.length);
        long found = 0;
        for (int k = 0; k < top; k++) {
            found += heldOutMember[ranked[k]] ? 1 : 0;
        }
        return (double) found / heldOutCount;
    }

    private static int[] rowsWhere(boolean[] member, int count) {
        int[] rows = new int[count];
        for (int row = 0, k = 0; row < member.length; row++) {
            if (member[row]) {
                rows[k++] = row;
            }
        }
        return rows;
    }
}
