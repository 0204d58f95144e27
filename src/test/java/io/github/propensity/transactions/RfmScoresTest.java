// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RfmScoresTest {
    @Test
    void distinctValuesGetExactQuintiles() {
        double[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        assertArrayEquals(new int[]{5, 1, 5, 1, 4, 2, 4, 2, 3, 3}, RfmScores.higherIsBetter(values));
        assertArrayEquals(new int[]{1, 5, 1, 5, 2, 4, 2, 4, 3, 3}, RfmScores.lowerIsBetter(values));
    }

    @Test
    void tiedCustomersShareAScoreAndTheLowestValueScoresOne() {
        // Six one-time buyers, two with two orders, one with five, one with nine.
        double[] orders = {1, 1, 1, 1, 1, 1, 2, 2, 5, 9};
        // Share strictly below: 0 for the 1s, 6/10 for the 2s (score 1+3), 8/10 for 5 (score 5), 9/10 for 9.
        assertArrayEquals(new int[]{1, 1, 1, 1, 1, 1, 4, 4, 5, 5}, RfmScores.higherIsBetter(orders));
        assertArrayEquals(new int[]{1, 1, 1}, RfmScores.higherIsBetter(new double[]{3, 3, 3}));
    }

    @Test
    void theSegmentGridCoversEveryCell() {
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                seen.add(RfmSegment.of(r, f));
            }
        }
        assertEquals(EnumSet.allOf(RfmSegment.class), seen, "every named segment is reachable");
        assertEquals(RfmSegment.CHAMPIONS, RfmSegment.of(5, 5));
        assertEquals(RfmSegment.NEW_CUSTOMERS, RfmSegment.of(5, 1));
        assertEquals(RfmSegment.LOST, RfmSegment.of(1, 1));
        assertEquals(RfmSegment.HIBERNATING, RfmSegment.of(2, 1));
        assertEquals(RfmSegment.CANT_LOSE_THEM, RfmSegment.of(1, 5));
        assertEquals(RfmSegment.AT_RISK, RfmSegment.of(2, 3));
        assertEquals(RfmSegment.NEED_ATTENTION, RfmSegment.of(3, 3));
        assertEquals(RfmSegment.LOYAL, RfmSegment.of(3, 4));
        assertThrows(IllegalArgumentException.class, () -> RfmSegment.of(0, 3));
    }
}
