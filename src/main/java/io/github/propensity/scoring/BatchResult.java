// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.List;

/**
 * What one batch produced: the scored rows as CSV text (one physical line each, percentiles still to come), the
 * numbers percentiles and migration need per scored row, drift counts and the rows that failed.
 *
 * @param probabilities [task slot][scored row]
 * @param bands         [task slot][scored row] band ordinals
 * @param featureBins   [task slot][column][bin] counts, null for a task whose bundle has no profile
 * @param scoreBins     [task slot][reference decile] counts
 */
record BatchResult(String text, int scored, float[][] probabilities, byte[] segments, byte[][] bands,
                   long[][][] featureBins, long[][] scoreBins, List<BadRow> badRows) {
}
