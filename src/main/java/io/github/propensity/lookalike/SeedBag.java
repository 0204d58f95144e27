// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.List;
import java.util.Arrays;

/**
 * The average of several seed classifiers fitted on different random background samples and seeds. The background
 * holds unlabelled lookalikes (that is the point of the exercise), so one fit learns some of them as "not seed";
 * averaging fits that each saw different ones steadies the ranking (bagging for positive-unlabelled learning).
 */
final class SeedBag implements SimilarityModel {
    static final int MODELS = 3;
    private final List<SimilarityModel> models;

    private SeedBag(List<SimilarityModel> models) {
        this.models = List.copyOf(models);
    }

    static SeedBag of(List<SimilarityModel> models) {
        return new SeedBag(models);
    }

    @Override
    public double score(float[] vector) {
        double sum = 0;
        for (SimilarityModel model : models) {
            sum += model.score(vector);
        }
        return sum / models.size();
    }

    @Override
    public double similarity(double score) {
        return models.get(0).similarity(score);
    }

    @Override
    public void explain(float[] vector, double[] perFeature) {
        double[] single = new double[perFeature.length];
        Arrays.fill(perFeature, 0);
        for (SimilarityModel model : models) {
            model.explain(vector, single);
            for (int j = 0; j < single.length; j++) {
                perFeature[j] += single[j] / models.size();
            }
        }
    }
}
