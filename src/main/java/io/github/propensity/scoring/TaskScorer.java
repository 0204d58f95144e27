// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.model.ColumnBinner;
import io.github.propensity.model.ColumnProfile;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;

import java.util.List;

/**
 * One task's model prepared for a given input header: the bound encoder, band thresholds, reason builder and
 * drift binners. Immutable and shared by the scoring threads.
 */
final class TaskScorer {
    final Task task;
    final ModelBundle bundle;
    final FeatureEncoder encoder;
    final FeatureEncoder.HeaderBinding binding;
    final BandCutoffs.Thresholds thresholds;
    final ReasonBuilder reasons;
    /** Null when the bundle predates feature profiles. */
    final ColumnBinner[] binners;
    /** Score drift bins: the reference population's deciles (upper edges of bins 1..9). */
    final double[] scoreDecileEdges;
    /**
     * The reference population's share in each score bin. Not simply 10 % each: calibrated probabilities can tie
     * (isotonic calibration is a step function), and tied deciles leave bins that hold less or nothing.
     */
    final double[] scoreExpected;

    TaskScorer(Task task, ModelBundle bundle, List<String> header, BandCutoffs cutoffs) {
        this.task = task;
        this.bundle = bundle;
        this.encoder = bundle.model().encoder();
        this.binding = encoder.bind(header);
        this.thresholds = cutoffs.thresholds(bundle.reference());
        this.reasons = new ReasonBuilder(encoder.schema());
        List<FeatureColumn> columns = encoder.schema().columns();
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
}
