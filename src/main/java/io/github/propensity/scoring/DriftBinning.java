// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.features.FeatureColumn;
import io.github.propensity.model.ColumnBinner;
import io.github.propensity.model.ColumnProfile;
import io.github.propensity.model.ModelBundle;

import java.util.List;

/**
 * The bins a rescoring run counts one task's inputs and scores into, to compare with the training population:
 * the bundle's feature profile and the reference deciles of its probabilities. Immutable and shared by the
 * scoring threads.
 */
final class DriftBinning {
    /** Null when the bundle predates feature profiles. */
    final ColumnBinner[] binners;
    /** Score drift bins: the reference population's deciles (upper edges of bins 1..9). */
    private final double[] scoreDecileEdges;
    /**
     * The reference population's share in each score bin. Not simply 10 % each: calibrated probabilities can tie
     * (isotonic calibration is a step function), and tied deciles leave bins that hold less or nothing.
     */
    final double[] scoreExpected;

    DriftBinning(ModelBundle bundle) {
        List<FeatureColumn> columns = bundle.model().encoder().schema().columns();
        if (bundle.profile() == null) {
            this.binners = null;
        } else {
            this.binners = new ColumnBinner[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                ColumnProfile profile = bundle.profile().columns().get(c);
                binners[c] = new ColumnBinner(columns.get(c), profile.edges());
            }
        }
        double[] quantiles = bundle.reference().quantiles();
        this.scoreDecileEdges = new double[9];
        for (int d = 1; d <= 9; d++) {
            scoreDecileEdges[d - 1] = quantiles[d * (quantiles.length - 1) / 10];
        }
        this.scoreExpected = new double[10];
        for (double quantile : quantiles) {
            scoreExpected[scoreBin(quantile)] += 1.0 / quantiles.length;
        }
    }

    int scoreBin(double probability) {
        int bin = 0;
        while (bin < scoreDecileEdges.length && probability > scoreDecileEdges[bin]) {
            bin++;
        }
        return bin;
    }

    /** Fresh per-batch counters, [column][bin], or null when the bundle has no profile. */
    long[][] newFeatureCounts() {
        if (binners == null) {
            return null;
        }
        long[][] counts = new long[binners.length][];
        for (int c = 0; c < binners.length; c++) {
            counts[c] = new long[binners[c].bins()];
        }
        return counts;
    }
}
