// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SilhouetteTest {
    @Test
    void matchesAHandComputedExample() {
        // Points on a line: cluster 0 = {0, 1}, cluster 1 = {4, 6}.
        // 0: a = 1, b = (4 + 6) / 2 = 5,   s = 4 / 5
        // 1: a = 1, b = (3 + 5) / 2 = 4,   s = 3 / 4
        // 4: a = 2, b = (4 + 3) / 2 = 3.5, s = 1.5 / 3.5
        // 6: a = 2, b = (6 + 5) / 2 = 5.5, s = 3.5 / 5.5
        double[][] points = {{0}, {1}, {4}, {6}};
        double expected = (4.0 / 5 + 3.0 / 4 + 1.5 / 3.5 + 3.5 / 5.5) / 4;
        assertEquals(expected, Silhouette.mean(points, new int[]{0, 0, 1, 1}, 2), 1e-12);
    }

    @Test
    void countsAPointAloneInItsClusterAsZero() {
        // {0, 2} and {10} alone: 0: a = 2, b = 10, s = 0.8; 2: a = 2, b = 8, s = 0.75; 10: s = 0 by convention.
        double[][] points = {{0, 0}, {2, 0}, {10, 0}};
        assertEquals((0.8 + 0.75 + 0) / 3, Silhouette.mean(points, new int[]{0, 0, 1}, 2), 1e-12);
    }
}
