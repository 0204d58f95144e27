// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnScreenTest {
    @Test
    void correlationRatioMatchesAHandComputedExample() {
        // Values 1, 3 in group 0 (mean 2) and 5, 7 in group 1 (mean 6); overall mean 4.
        // Total sum of squares 9 + 1 + 1 + 9 = 20; between 2 x (2 - 4)^2 + 2 x (6 - 4)^2 = 16; eta^2 = 16 / 20.
        double[][] values = {{1}, {3}, {5}, {7}};
        assertEquals(0.8, ColumnScreen.correlationRatio(values, new int[]{0, 0, 1, 1}, 2), 1e-12);
    }

    @Test
    void correlationRatioAddsUpACategorysLevels() {
        // Two one-hot levels, (1,0),(1,0),(0,1),(0,1) split exactly by the groups: all their variance lies between.
        double[][] values = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        assertEquals(1.0, ColumnScreen.correlationRatio(values, new int[]{0, 0, 1, 1}, 2), 1e-12);
        // Groups that cut across the levels: group means equal the overall mean, eta^2 = 0.
        assertEquals(0.0, ColumnScreen.correlationRatio(values, new int[]{0, 1, 0, 1}, 2), 1e-12);
    }
}
