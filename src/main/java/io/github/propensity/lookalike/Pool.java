// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.List;

/**
 * The candidate base as encoded vectors (floats: a million customers fit in a few hundred MB), with the ids, the
 * rows that are seed members or suppressed, and, for platform exports, the contact columns.
 *
 * @param seedWeight per row, the seed weight (0 when not a seed member)
 * @param emails     null unless an export needs them
 */
record Pool(List<String> ids, float[][] vectors, double[] seedWeight, boolean[] suppressed, String[] emails,
            String[] phones, String[] featureNames, List<String> inputColumns, int[] columnOfFeature) {
    int size() {
        return vectors.length;
    }

    int seedMembers() {
        int count = 0;
        for (double weight : seedWeight) {
            count += weight > 0 ? 1 : 0;
        }
        return count;
    }
}
