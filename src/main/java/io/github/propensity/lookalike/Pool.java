// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.List;
import java.util.Set;

/**
 * One build's view of the encoded pool: the shared vectors and ids with this seed's and suppression list's rows marked.
 *
 * @param seedWeight per row, the seed weight (0 when not a seed member)
 * @param emails     per row when contacts are kept, else empty
 */
record Pool(List<String> ids, float[][] vectors, double[] seedWeight, boolean[] suppressed, String[] emails,
            String[] phones, String[] featureNames, List<String> inputColumns, int[] columnOfFeature) {
    static Pool marked(EncodedPool encoded, SeedIds seed, Set<String> suppress) {
        double[] weights = new double[encoded.size()];
        seed.weights().forEach((id, weight) -> {
            int row = encoded.rowOf(id);
            if (row >= 0) {
                weights[row] = weight;
            }
        });
        boolean[] suppressed = new boolean[encoded.size()];
        for (String id : suppress) {
            int row = encoded.rowOf(id);
            if (row >= 0) {
                suppressed[row] = true;
            }
        }
        return new Pool(encoded.ids(), encoded.vectors(), weights, suppressed, encoded.emails(), encoded.phones(),
                encoded.featureNames(), encoded.inputColumns(), encoded.columnOfFeature());
    }

    int size() {
        return vectors.length;
    }
}
