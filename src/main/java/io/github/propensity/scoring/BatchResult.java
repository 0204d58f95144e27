// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.List;

/**
 * What one batch produced: the scored rows as CSV text (one physical line each, percentiles still to come), the
 * numbers percentiles, migration and repeated-id checks need per scored row, drift counts and the rows that failed.
 *
 * @param lines         [scored row] the input line of each scored row
 * @param idHashes      [2 * scored row + 0..1] the 128-bit {@link CustomerIdHash} of each scored row's id
 * @param rowEnds       [scored row] where each scored row's text ends in {@code text}
 * @param probabilities [task slot][scored row]
 * @param bands         [task slot][scored row] band ordinals
 * @param valueCodes    [scored row] the value band ordinal or another {@link ValueInput} code; empty when the base
 *                      has no CLV
 * @param upliftGroups  [campaign slot][scored row] {@link io.github.propensity.model.UpliftGroup} ordinals
 * @param personas      [scored row] the persona slot of each scored row; empty when the run assigns no persona
 * @param featureBins   [task slot][column][bin] counts, null for a task whose bundle has no profile
 * @param scoreBins     [task slot][reference decile] counts
 */
record BatchResult(String text, int scored, long[] lines, long[] idHashes, int[] rowEnds, float[][] probabilities,
                   byte[] segments, byte[][] bands, byte[] valueCodes, byte[][] upliftGroups, byte[] personas, long[][][] featureBins, long[][] scoreBins, List<BadRow> badRows) {
}
