// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

/**
 * The mean silhouette width of a clustering (Rousseeuw 1987) with Euclidean distances: for each point,
 * {@code (b - a) / max(a, b)} where {@code a} is its mean distance to the other members of its cluster and
 * {@code b} the smallest mean distance to another cluster's members; 0 for a point alone in its cluster. Quadratic in
 * the points, so callers pass a sample (a few thousand points).
 */
public final class Silhouette {
    private Silhouette() {
    }

    /** @param labels cluster of each point, 0 to {@code k - 1} */
    public static double mean(double[][] points, int[] labels, int k) {
        int n = points.length;
        if (n != labels.length || n < 2) {
            throw new IllegalArgumentException("a silhouette needs at least two points, each with a label");
        }
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double total = 0;
        double[] distanceSums = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(distanceSums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    distanceSums[labels[j]] += distance(points[i], points[j]);
                }
            }
            int own = labels[i];
            if (sizes[own] < 2) {
                continue;
            }
            double a = distanceSums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, distanceSums[c] / sizes[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                continue;
            }
            double widest = Math.max(a, b);
            total += widest == 0 ? 0 : (b - a) / widest;
        }
        return total / n;
    }

    static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            double difference = x[d] - y[d];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }
}
