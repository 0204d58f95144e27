// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A fitted method's scores for every pool customer, with the models behind them for similarity and reasons. The
 * pool is scored in parallel: each score is independent and there are a million of them.
 */
record FittedRanking(double[] scores, List<SimilarityModel> models, boolean rankAveraged) {
    static FittedRanking of(Pool pool, SimilarityModel model) {
        double[] scores = new double[pool.size()];
        IntStream.range(0, pool.size()).parallel().forEach(i -> scores[i] = model.score(pool.vectors()[i]));
        return new FittedRanking(scores, List.of(model), false);
    }

    /** Scores of the given pool rows only, in their order. */
    static FittedRanking of(Pool pool, SimilarityModel model, int[] rows) {
        if (rows == null) {
            return of(pool, model);
        }
        double[] scores = new double[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(i -> scores[i] = model.score(pool.vectors()[rows[i]]));
        return new FittedRanking(scores, List.of(model), false);
    }

    /** The mean of the two rankings' percentile ranks (scales differ, ranks do not). */
    static FittedRanking blend(FittedRanking first, FittedRanking second) {
        double[] a = ranks(first.scores);
        double[] b = ranks(second.scores);
        double[] blended = new double[a.length];
        for (int i = 0; i < blended.length; i++) {
            blended[i] = (a[i] + b[i]) / 2;
        }
        return new FittedRanking(blended, List.of(first.models.get(0), second.models.get(0)), true);
    }

    /** Similarity 0-1 of one row: the model's own scale, or the blended rank share. */
    double similarity(int row) {
        return rankAveraged ? scores[row] : models.get(0).similarity(scores[row]);
    }

    /** Per-feature support, summed over the models. */
    void explain(float[] vector, double[] perFeature) {
        Arrays.fill(perFeature, 0);
        double[] single = new double[perFeature.length];
        for (SimilarityModel model : models) {
            model.explain(vector, single);
            for (int j = 0; j < single.length; j++) {
                perFeature[j] += single[j];
            }
        }
    }

    /** Rank share (0-1] of each value: the share of values at or below it (ties share the higher rank). */
    private static double[] ranks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] <= values[i]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            ranks[i] = (double) low / sorted.length;
        }
        return ranks;
    }
}
