// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

/** A fitted way of saying how much a customer looks like the seed: higher is more alike. */
interface SimilarityModel {
    /** Raw similarity (any scale); only the order matters for ranking. */
    double score(float[] vector);

    /** Similarity on a 0-1 scale for people to read. */
    double similarity(double score);

    /** Per-feature support for "looks like the seed because ...", larger is more alike. */
    void explain(float[] vector, double[] perFeature);
}
