// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaModel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means centroids: k-means++ seeding (Arthur &amp; Vassilvitskii 2007) and Lloyd iterations, from several restarts
 * with fixed seeds, keeping the restart with the lowest distortion; k-means finds a local optimum, and a handful of
 * seeds makes a poor one unlikely. Centroids come out in a canonical order (largest cluster first), so the same data
 * and seed give the same personas in the same order.
 * <p>
 * Written here rather than taken from Smile 3.1.1's {@code KMeans}, whose BBD tree is built for low dimensions. One
 * fit on 50,000 points in 30 dimensions with k = 4, the two side by side in one run: 0.20-0.23 s here against
 * 0.39-0.60 s for Smile when the groups are well apart, and 0.41-0.48 s against 2.3-4.0 s when they are barely apart,
 * which is what real bases look like. Choosing k runs dozens of fits (restarts, every k, bootstrap refits). Smile's
 * seeding also draws from a global generator, where this one takes the seed it is given.
 */
final class Centroids {
    static final int MAX_ITERATIONS = 100;
    /** Iterations stop once the distortion improves by less than this fraction. */
    static final double TOLERANCE = 1e-5;

    private Centroids() {
    }

    /** @return k centroids, largest cluster first */
    static double[][] fit(double[][] points, int k, long seed, int restarts) {
        if (points.length < k) {
            throw new IllegalArgumentException(points.length + " points cannot make " + k + " clusters");
        }
        // Restarts run side by side; each has its own seed, and the lowest distortion (the first on a tie) wins, so the
        // result does not depend on which finishes first.
        List<double[][]> fits = IntStream.range(0, restarts).parallel().mapToObj(restart -> {
            int[] labels = new int[points.length];
            return lloyd(points, seeds(points, k, new SplittableRandom(seed + 7919L * restart)), labels);
        }).toList();
        double[][] best = null;
        double bestDistortion = Double.POSITIVE_INFINITY;
        for (double[][] centroids : fits) {
            double distortion = distortion(points, centroids, nearest(points, centroids));
            if (distortion < bestDistortion) {
                bestDistortion = distortion;
                best = centroids;
            }
        }
        return canonical(points, best);
    }

    /** k-means++: each next seed drawn with probability proportional to its squared distance to the nearest seed. */
    static double[][] seeds(double[][] points, int k, SplittableRandom random) {
        int n = points.length;
        double[][] seeds = new double[k][];
        seeds[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points[i], seeds[c - 1]));
                total += nearest[i];
            }
            int chosen = n - 1;
            double target = random.nextDouble() * total;
            for (int i = 0; i < n; i++) {
                target -= nearest[i];
                if (target < 0) {
                    chosen = i;
                    break;
                }
            }
            seeds[c] = points[chosen].clone();
        }
        return seeds;
    }

    /** Lloyd's iterations from the given centroids; {@code labels} ends holding each point's cluster. */
    static double[][] lloyd(double[][] points, double[][] centroids, int[] labels) {
        int k = centroids.length;
        int width = points[0].length;
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double distortion = 0;
            for (int i = 0; i < points.length; i++) {
                labels[i] = nearest(points[i], centroids);
                distortion += squaredDistance(points[i], centroids[labels[i]]);
            }
            double[][] sums = new double[k][width];
            int[] sizes = new int[k];
            for (int i = 0; i < points.length; i++) {
                sizes[labels[i]]++;
                double[] sum = sums[labels[i]];
                for (int d = 0; d < width; d++) {
                    sum[d] += points[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (sizes[c] == 0) {
                    // An emptied cluster restarts at the point farthest from its centroid.
                    centroids[c] = points[farthest(points, centroids, labels)].clone();
                    continue;
                }
                for (int d = 0; d < width; d++) {
                    centroids[c][d] = sums[c][d] / sizes[c];
                }
            }
            if (Double.isFinite(previous) && previous - distortion <= TOLERANCE * previous) {
                break;
            }
            previous = distortion;
        }
        for (int i = 0; i < points.length; i++) {
            labels[i] = nearest(points[i], centroids);
        }
        return centroids;
    }

    private static int farthest(double[][] points, double[][] centroids, int[] labels) {
        int farthest = 0;
        double distance = -1;
        for (int i = 0; i < points.length; i++) {
            double d = squaredDistance(points[i], centroids[labels[i]]);
            if (d > distance) {
                distance = d;
                farthest = i;
            }
        }
        return farthest;
    }

    static double distortion(double[][] points, double[][] centroids, int[] labels) {
        double distortion = 0;
        for (int i = 0; i < points.length; i++) {
            distortion += squaredDistance(points[i], centroids[labels[i]]);
        }
        return distortion;
    }

    private static double[][] canonical(double[][] points, double[][] centroids) {
        int[] labels = nearest(points, centroids);
        int[] sizes = new int[centroids.length];
        for (int label : labels) {
            sizes[label]++;
        }
        Integer[] order = new Integer[centroids.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(c -> -sizes[c]).thenComparing(c -> centroids[c], Arrays::compare));
        double[][] ordered = new double[centroids.length][];
        for (int c = 0; c < order.length; c++) {
            ordered[c] = centroids[order[c]].clone();
        }
        return ordered;
    }

    static double squaredDistance(double[] x, double[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            double difference = x[d] - y[d];
            sum += difference * difference;
        }
        return sum;
    }

    /** The nearest centroid of every point. */
    static int[] nearest(double[][] points, double[][] centroids) {
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = nearest(points[i], centroids);
        }
        return labels;
    }

    static int nearest(double[] point, double[][] centroids) {
        return PersonaModel.nearest(point, centroids);
    }
}
