// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OptimalAssignmentTest {
    @Test
    void findsTheHandComputedOptimum() {
        // Row 0 -> column 1 (1), row 1 -> column 0 (2), row 2 -> column 2 (2): total 5; every other permutation costs
        // more (e.g. the diagonal 4 + 0 + 2 = 6).
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[]{1, 0, 2}, OptimalAssignment.minimumCost(cost));
    }

    @Test
    void agreesWithEveryPermutationTriedOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(5);
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int c = 0; c < n; c++) {
                    row[c] = random.nextInt(20);
                }
            }
            int[] assignment = OptimalAssignment.minimumCost(cost);
            assertEquals(bruteForce(cost, new int[n], new boolean[n], 0), total(cost, assignment), 1e-9);
        }
    }

    @Test
    void leavesTheCostliestRowOutWhenThereAreMoreRowsThanColumns() {
        // Two columns for three rows: rows 0 and 2 take them at cost 1 + 1; row 1 (cost 9 either way) is left out.
        double[][] cost = {{1, 5}, {9, 9}, {5, 1}};
        assertArrayEquals(new int[]{0, -1, 1}, OptimalAssignment.minimumCost(cost));
    }

    @Test
    void matchesEveryRowWhenThereAreMoreColumns() {
        double[][] cost = {{3, 1, 7}};
        assertArrayEquals(new int[]{1}, OptimalAssignment.minimumCost(cost));
    }

    private static double total(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int r = 0; r < assignment.length; r++) {
            sum += cost[r][assignment[r]];
        }
        return sum;
    }

    private static double bruteForce(double[][] cost, int[] chosen, boolean[] used, int row) {
        if (row == cost.length) {
            return total(cost, chosen);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cost.length; c++) {
            if (!used[c]) {
                used[c] = true;
                chosen[row] = c;
                best = Math.min(best, bruteForce(cost, chosen, used, row + 1));
                used[c] = false;
            }
        }
        return best;
    }
}
