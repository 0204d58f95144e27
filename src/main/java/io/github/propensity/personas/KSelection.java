// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses the number of personas in {@value #MIN_AUTO_K} to {@value #MAX_AUTO_K} from two figures per k:
 * <ul>
 *   <li><b>separation</b>: the mean silhouette width on {@value #SILHOUETTE_POINTS} sampled customers;</li>
 *   <li><b>stability</b>: the mean adjusted Rand index between the fit's assignment of those customers and the
 *       assignment by fits on {@value #BOOTSTRAPS} bootstrap samples (Hennig 2007; Ben-Hur et al. 2002).</li>
 * </ul>
 * The chosen k is the best separated among those at least {@value #MIN_STABILITY} stable: personas a marketer
 * plans around must come back when the data is redrawn, and among those, the clearest split wins. When no k is that
 * stable, the most stable one is chosen (and the card says so).
 */
public final class KSelection {
    static final int MIN_AUTO_K = 3;
    static final int MAX_AUTO_K = 8;
    static final int SILHOUETTE_POINTS = 2_000;
    static final int BOOTSTRAPS = 5;
    static final int BOOTSTRAP_POINTS = 10_000;
    static final int BOOTSTRAP_RESTARTS = 2;
    static final double MIN_STABILITY = 0.75;

    private KSelection() {
    }

    /** The figures of one k. */
    public record Candidate(int k, double silhouette, double stability) {
    }

    /** The figures of every k tried and the one chosen. */
    record Choice(List<Candidate> candidates, int chosen, String reason) {
        Choice {
            candidates = List.copyOf(candidates);
        }
    }

    /** Silhouette and stability of k clusters whose fitted centroids are {@code centroids}. */
    static Candidate measure(double[][] points, double[][] centroids, long seed, int restarts) {
        int k = centroids.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][] evaluation = sample(points, Math.min(points.length, SILHOUETTE_POINTS), random);
        int[] reference = Centroids.nearest(evaluation, centroids);
        double silhouette = Silhouette.mean(evaluation, reference, k);
        List<double[][]> bootstraps = new ArrayList<>();
        for (int b = 0; b < BOOTSTRAPS; b++) {
            double[][] bootstrap = new double[Math.min(points.length, BOOTSTRAP_POINTS)][];
            for (int i = 0; i < bootstrap.length; i++) {
                bootstrap[i] = points[random.nextInt(points.length)];
            }
            bootstraps.add(bootstrap);
        }
        // Refits run side by side, each with its own seed; the mean is summed in bootstrap order.
        double[] agreements = IntStream.range(0, BOOTSTRAPS).parallel().mapToDouble(b -> {
            double[][] refitted = Centroids.fit(bootstraps.get(b), k, seed + 1 + b, Math.min(restarts, BOOTSTRAP_RESTARTS));
            return AdjustedRandIndex.of(reference, Centroids.nearest(evaluation, refitted));
        }).toArray();
        double agreement = 0;
        for (double value : agreements) {
            agreement += value;
        }
        return new Candidate(k, silhouette, agreement / BOOTSTRAPS);
    }

    static Choice choose(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (candidate.stability() >= MIN_STABILITY && (best == null || candidate.silhouette() > best.silhouette())) {
                best = candidate;
            }
        }
        if (best != null) {
            return new Choice(candidates, best.k(), "k = " + best.k() + ": the highest silhouette among the k whose bootstrap"
                    + " stability (adjusted Rand index) is at least " + MIN_STABILITY);
        }
        for (Candidate candidate : candidates) {
            if (best == null || candidate.stability() > best.stability()) {
                best = candidate;
            }
        }
        return new Choice(candidates, best.k(), "k = " + best.k() + ": no k reached a bootstrap stability of " + MIN_STABILITY
                + "; the most stable one was chosen (the personas are weakly defined in this data)");
    }

    /** {@code size} distinct points drawn without replacement (a partial Fisher-Yates shuffle of their indices). */
    static double[][] sample(double[][] points, int size, SplittableRandom random) {
        int[] indices = new int[points.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        double[][] sample = new double[size][];
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(indices.length - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
            sample[i] = points[indices[i]];
        }
        return sample;
    }
}
