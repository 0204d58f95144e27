// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.Arrays;

/**
 * The seed summarized by k-means centroids (Smile, up to 20) in the standardized feature space; a customer's likeness is the
 * distance to the nearest centroid. Centroids instead of every seed member keep scoring a million customers at
 * k distance computations each; similarity is {@code 2^(-d^2 / median seed d^2)}, so a typical seed member reads 0.5.
 */
final class SeedCentroids implements SimilarityModel {
    private final double[][] centroids;
    private final double typicalSquaredDistance;

    private SeedCentroids(double[][] centroids, double typicalSquaredDistance) {
        this.centroids = centroids;
        this.typicalSquaredDistance = typicalSquaredDistance;
    }

    static SeedCentroids fit(float[][] seed, long randomSeed) {
        double[][] data = new double[seed.length][];
        for (int i = 0; i < seed.length; i++) {
            data[i] = SeedClassifier.toDouble(seed[i]);
        }
        // Up to 20 centroids: enough for the distinct groups a seed holds, cheap enough to score a million rows.
        int k = Math.max(1, Math.min(20, seed.length / 25));
        double[][] centroids = k == 1 ? new double[][]{mean(data)} : kMeans(data, k, randomSeed);
        double[] distances = new double[seed.length];
        SeedCentroids model = new SeedCentroids(centroids, 1);
        for (int i = 0; i < seed.length; i++) {
            distances[i] = -model.score(seed[i]);
        }
        Arrays.sort(distances);
        double median = distances[distances.length / 2];
        return new SeedCentroids(centroids, median > 0 ? median : 1);
    }

    private static double[][] kMeans(double[][] data, int k, long randomSeed) {
        // Smile seeds its k-means++ initialisation from a global generator: set it for a repeatable audience.
        MathEx.setSeed(randomSeed);
        return KMeans.fit(data, k, 50, 1e-4).centroids;
    }

    /** The one centroid of a small seed (Smile's k-means wants at least two clusters). */
    private static double[] mean(double[][] data) {
        double[] mean = new double[data[0].length];
        for (double[] row : data) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / data.length;
            }
        }
        return mean;
    }

    /** Minus the squared distance to the nearest centroid. */
    @Override
    public double score(float[] vector) {
        double best = Double.MAX_VALUE;
        for (double[] centroid : centroids) {
            double distance = 0;
            for (int j = 0; j < centroid.length && distance < best; j++) {
                double difference = vector[j] - centroid[j];
                distance += difference * difference;
            }
            best = Math.min(best, distance);
        }
        return -best;
    }

    @Override
    public double similarity(double score) {
        return Math.pow(2, score / typicalSquaredDistance);
    }

    /**
     * A feature supports the likeness when the customer and the nearest centroid sit on the same side of the
     * average customer, far from it (features are standardized, so their product measures exactly that).
     */
    @Override
    public void explain(float[] vector, double[] perFeature) {
        double[] nearest = centroids[0];
        double best = Double.MAX_VALUE;
        for (double[] centroid : centroids) {
            double distance = 0;
            for (int j = 0; j < centroid.length; j++) {
                double difference = vector[j] - centroid[j];
                distance += difference * difference;
            }
            if (distance < best) {
                best = distance;
                nearest = centroid;
            }
        }
        for (int j = 0; j < nearest.length; j++) {
            perFeature[j] = vector[j] * nearest[j];
        }
    }
}
