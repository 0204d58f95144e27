// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.ModelBundle;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many scored rows fell in each drift bin, per task: every input column's training-profile bins and the
 * reference deciles of the score. Counts only, so parts of a base counted apart (the CLI's batches, a Spark job's
 * partitions) add up to the whole; {@link #report} turns them into {@code drift.json}. Serializable for that reason.
 */
public final class DriftCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    /** [task slot][column][bin]; null for a task whose bundle has no profile. */
    private final long[][][] featureBins;
    /** [task slot][reference decile]. */
    private final long[][] scoreBins;

    DriftCounts(List<DriftBinning> binnings) {
        featureBins = new long[binnings.size()][][];
        scoreBins = new long[binnings.size()][10];
        for (int t = 0; t < binnings.size(); t++) {
            featureBins[t] = binnings.get(t).newFeatureCounts();
        }
    }

    private DriftCounts(long[][][] featureBins, long[][] scoreBins) {
        this.featureBins = featureBins;
        this.scoreBins = scoreBins;
    }

    /** Adds one batch's counts. */
    void add(BatchResult batch) {
        add(batch.featureBins(), batch.scoreBins());
    }

    /** Adds another part's counts (of the same run, so the same tasks and bins). */
    public void add(DriftCounts other) {
        add(other.featureBins, other.scoreBins);
    }

    private void add(long[][][] features, long[][] scores) {
        if (scores.length != scoreBins.length) {
            throw new IllegalArgumentException("drift counts of " + scores.length + " tasks cannot be added to counts of " + scoreBins.length);
        }
        for (int t = 0; t < scoreBins.length; t++) {
            for (int b = 0; b < scoreBins[t].length; b++) {
                scoreBins[t][b] += scores[t][b];
            }
            if (featureBins[t] != null) {
                for (int c = 0; c < featureBins[t].length; c++) {
                    for (int b = 0; b < featureBins[t][c].length; b++) {
                        featureBins[t][c][b] += features[t][c][b];
                    }
                }
            }
        }
    }

    /** Empty counts with the same bins. */
    public DriftCounts emptyCopy() {
        long[][][] features = new long[featureBins.length][][];
        long[][] scores = new long[scoreBins.length][10];
        for (int t = 0; t < featureBins.length; t++) {
            if (featureBins[t] != null) {
                features[t] = new long[featureBins[t].length][];
                for (int c = 0; c < featureBins[t].length; c++) {
                    features[t][c] = new long[featureBins[t][c].length];
                }
            }
        }
        return new DriftCounts(features, scores);
    }

    /** Forgets every count, keeping the bins. */
    public void clear() {
        for (int t = 0; t < scoreBins.length; t++) {
            java.util.Arrays.fill(scoreBins[t], 0);
            if (featureBins[t] != null) {
                for (long[] bins : featureBins[t]) {
                    java.util.Arrays.fill(bins, 0);
                }
            }
        }
    }

    /** Whether nothing was counted yet. */
    public boolean isEmpty() {
        for (long[] bins : scoreBins) {
            for (long count : bins) {
                if (count != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** PSI of every feature and score against the training distribution the run's bundles saved. */
    DriftReport report(List<PreparedModel> models, List<DriftBinning> binnings) {
        Map<String, DriftReport.TaskDrift> byTask = new LinkedHashMap<>();
        for (int t = 0; t < models.size(); t++) {
            ModelBundle bundle = models.get(t).bundle();
            double scorePsi = Psi.of(binnings.get(t).scoreExpected, scoreBins[t]);
            List<DriftReport.FeatureDrift> features = new ArrayList<>();
            String note = null;
            if (featureBins[t] == null) {
                note = "model " + bundle.version() + " has no training profile (made before profiles existed); retrain to measure feature drift";
            } else {
                for (int c = 0; c < featureBins[t].length; c++) {
                    double psi = Psi.of(bundle.profile().columns().get(c).expected(), featureBins[t][c]);
                    features.add(new DriftReport.FeatureDrift(bundle.profile().columns().get(c).name(), psi, psi > Psi.ALERT));
                }
            }
            byTask.put(models.get(t).task().id(), new DriftReport.TaskDrift(bundle.version(), scorePsi, scorePsi > Psi.ALERT, features, note));
        }
        return new DriftReport(Psi.ALERT, byTask);
    }
}
