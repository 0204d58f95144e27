// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.util.Arrays;

/**
 * The assignment of rows to columns with the smallest total cost (the Hungarian algorithm in its O(n³) shortest
 * augmenting path form, Kuhn 1955 / Munkres 1957 as in Jonker &amp; Volgenant's presentation). A rectangular matrix is
 * padded with zero-cost dummy rows or columns, so every row is matched when there are at least as many columns, and
 * the other way round.
 */
public final class OptimalAssignment {
    private OptimalAssignment() {
    }

    /**
     * @param cost [row][column], finite
     * @return for each row, its column, or -1 when there were more rows than columns and this one is left out
     */
    public static int[] minimumCost(double[][] cost) {
        int rows = cost.length;
        int columns = rows == 0 ? 0 : cost[0].length;
        int n = Math.max(rows, columns);
        if (n == 0) {
            return new int[0];
        }
        double[][] square = new double[n][n];
        for (int r = 0; r < rows; r++) {
            if (cost[r].length != columns) {
                throw new IllegalArgumentException("every row of the cost matrix needs " + columns + " columns");
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(cost[r][c])) {
                    throw new IllegalArgumentException("costs must be finite");
                }
                square[r][c] = cost[r][c];
            }
        }
        // Potentials u (rows) and v (columns), 1-based with a virtual column 0, as in the classic formulation.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOfColumn = new int[n + 1];
        int[] way = new int[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column0 = 0;
            double[] minimum = new double[n + 1];
            Arrays.fill(minimum, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[column0] = true;
                int row0 = rowOfColumn[column0];
                double delta = Double.POSITIVE_INFINITY;
                int column1 = 0;
                for (int column = 1; column <= n; column++) {
                    if (!used[column]) {
                        double reduced = square[row0 - 1][column - 1] - u[row0] - v[column];
                        if (reduced < minimum[column]) {
                            minimum[column] = reduced;
                            way[column] = column0;
                        }
                        if (minimum[column] < delta) {
                            delta = minimum[column];
                            column1 = column;
                        }
                    }
                }
                for (int column = 0; column <= n; column++) {
                    if (used[column]) {
                        u[rowOfColumn[column]] += delta;
                        v[column] -= delta;
                    } else {
                        minimum[column] -= delta;
                    }
                }
                column0 = column1;
            } while (rowOfColumn[column0] != 0);
            do {
                int column1 = way[column0];
                rowOfColumn[column0] = rowOfColumn[column1];
                column0 = column1;
            } while (column0 != 0);
        }
        int[] assignment = new int[rows];
        Arrays.fill(assignment, -1);
        for (int column = 1; column <= n; column++) {
            int row = rowOfColumn[column] - 1;
            if (row < rows && column - 1 < columns) {
                assignment[row] = column - 1;
            }
        }
        return assignment;
    }
}
