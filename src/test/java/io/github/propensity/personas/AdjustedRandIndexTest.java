// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdjustedRandIndexTest {
    @Test
    void matchesAHandComputedContingencyTable() {
        // Contingency table (rows: first, columns: second):  [2 1 0]
        //                                                      [0 1 2]
        // sum C(n_ij, 2) = 1 + 0 + 0 + 1 = 2; rows C(3,2) + C(3,2) = 6; columns 3 x C(2,2) = 3; C(6,2) = 15.
        // expected = 6 x 3 / 15 = 1.2; maximum = (6 + 3) / 2 = 4.5; ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
        int[] first = {0, 0, 0, 1, 1, 1};
        int[] second = {0, 0, 1, 1, 2, 2};
        assertEquals(0.8 / 3.3, AdjustedRandIndex.of(first, second), 1e-12);
        assertEquals(0.8 / 3.3, AdjustedRandIndex.of(second, first), 1e-12);
    }

    @Test
    void isOneForTheSamePartitionUnderOtherLabels() {
        assertEquals(1.0, AdjustedRandIndex.of(new int[]{0, 0, 1, 1, 2, 2}, new int[]{7, 7, 3, 3, 5, 5}), 1e-12);
    }

    @Test
    void isNegativeForAPartitionCrossingEveryPair() {
        // Table [1 1] / [1 1]: sum C(n_ij,2) = 0; rows 1 + 1 = 2, columns 2, C(4,2) = 6; expected 4/6; maximum 2.
        // ARI = (0 - 2/3) / (2 - 2/3) = -0.5.
        assertEquals(-0.5, AdjustedRandIndex.of(new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1}), 1e-12);
    }

    @Test
    void refusesLabellingsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[]{0, 1}, new int[]{0, 1, 1}));
    }
}
