// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Locale;

/** The ways of measuring likeness that are compared on held-out seed members every run. */
enum SimilarityMethod {
    /** Logistic regression of seed members against a random sample of the pool (positive-unlabelled learning). */
    SEED_CLASSIFIER,
    /** Boosted trees, same set-up: seed members against a random sample of the pool. */
    SEED_TREES,
    /** Distance to the nearest of the seed's k-means centroids, in the standardized feature space. */
    SEED_CENTROIDS,
    /** The mean of the linear classifier's and the centroids' percentile ranks. */
    BLEND;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
