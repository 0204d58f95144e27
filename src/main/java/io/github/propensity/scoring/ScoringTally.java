// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects batch results in input order: writes their text, keeps each scored row's probabilities, bands and
 * segment (a few bytes per row), and sums drift counts, segment counts and bad rows.
 */
final class ScoringTally {
    private final List<TaskScorer> tasks;
    private final SegmentPolicy policy;
    private float[][] probabilities;
    private byte[][] bands;
    private byte[] segments;
    private int scored;
    private final long[][][] featureBins;
    private final long[][] scoreBins;
    private long badRows;
    private final List<BadRow> badRowExamples = new ArrayList<>();

    ScoringTally(List<TaskScorer> tasks, SegmentPolicy policy) {
        this.tasks = tasks;
        this.policy = policy;
        int initial = 1 << 16;
        probabilities = new float[tasks.size()][initial];
        bands = new byte[tasks.size()][initial];
        segments = new byte[initial];
        featureBins = new long[tasks.size()][][];
        scoreBins = new long[tasks.size()][10];
        for (int t = 0; t < tasks.size(); t++) {
            TaskScorer task = tasks.get(t);
            if (task.binners != null) {
                featureBins[t] = new long[task.binners.length][];
                for (int c = 0; c < task.binners.length; c++) {
                    featureBins[t][c] = new long[task.binners[c].bins()];
                }
            }
        }
    }

    void add(BatchResult result, Writer out) throws IOException {
        out.write(result.text());
        ensureCapacity(scored + result.scored());
        for (int t = 0; t < tasks.size(); t++) {
            System.arraycopy(result.probabilities()[t], 0, probabilities[t], scored, result.scored());
            System.arraycopy(result.bands()[t], 0, bands[t], scored, result.scored());
            for (int b = 0; b < 10; b++) {
                scoreBins[t][b] += result.scoreBins()[t][b];
            }
            if (featureBins[t] != null) {
                for (int c = 0; c < featureBins[t].length; c++) {
                    for (int b = 0; b < featureBins[t][c].length; b++) {
                        featureBins[t][c][b] += result.featureBins()[t][c][b];
                    }
                }
            }
        }
        System.arraycopy(result.segments(), 0, segments, scored, result.scored());
        scored += result.scored();
        badRows += result.badRows().size();
        for (BadRow bad : result.badRows()) {
            if (badRowExamples.size() < RescoreJob.BAD_ROW_EXAMPLES) {
                badRowExamples.add(bad);
            }
        }
    }

    int scored() {
        return scored;
    }

    long badRows() {
        return badRows;
    }

    List<BadRow> badRowExamples() {
        return List.copyOf(badRowExamples);
    }

    float probability(int taskSlot, int row) {
        return probabilities[taskSlot][row];
    }

    /** Probabilities of one task for all scored rows, sorted (for percentiles within this base). */
    float[] sortedProbabilities(int taskSlot) {
        float[] sorted = Arrays.copyOf(probabilities[taskSlot], scored);
        Arrays.sort(sorted);
        return sorted;
    }

    int segment(int row) {
        return segments[row];
    }

    void bands(int row, byte[] into) {
        for (int t = 0; t < tasks.size(); t++) {
            into[t] = bands[t][row];
        }
    }

    Map<String, Long> segmentCounts() {
        long[] counts = new long[policy.rules().size()];
        for (int row = 0; row < scored; row++) {
            counts[segments[row]]++;
        }
        Map<String, Long> named = new LinkedHashMap<>();
        for (int s = 0; s < counts.length; s++) {
            named.put(policy.rules().get(s).name(), counts[s]);
        }
        return named;
    }

    /** Customers per band, per task. */
    Map<String, Map<String, Long>> bandCounts() {
        Map<String, Map<String, Long>> byTask = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            long[] counts = new long[Band.values().length];
            for (int row = 0; row < scored; row++) {
                counts[bands[t][row]]++;
            }
            Map<String, Long> named = new LinkedHashMap<>();
            for (Band band : Band.values()) {
                named.put(band.label(), counts[band.ordinal()]);
            }
            byTask.put(tasks.get(t).task.id(), named);
        }
        return byTask;
    }

    DriftReport drift() {
        Map<String, DriftReport.TaskDrift> byTask = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskScorer task = tasks.get(t);
            double scorePsi = Psi.of(task.scoreExpected, scoreBins[t]);
            List<DriftReport.FeatureDrift> features = new ArrayList<>();
            String note = null;
            if (featureBins[t] == null) {
                note = "model " + task.bundle.version() + " has no training profile (made before profiles existed); retrain to measure feature drift";
            } else {
                for (int c = 0; c < featureBins[t].length; c++) {
                    double psi = Psi.of(task.bundle.profile().columns().get(c).expected(), featureBins[t][c]);
                    features.add(new DriftReport.FeatureDrift(task.bundle.profile().columns().get(c).name(), psi, psi > Psi.ALERT));
                }
            }
            byTask.put(task.task.id(), new DriftReport.TaskDrift(task.bundle.version(), scorePsi, scorePsi > Psi.ALERT, features, note));
        }
        return new DriftReport(Psi.ALERT, byTask);
    }

    private void ensureCapacity(int needed) {
        if (needed <= segments.length) {
            return;
        }
        int capacity = Math.max(needed, segments.length * 2);
        for (int t = 0; t < tasks.size(); t++) {
            probabilities[t] = Arrays.copyOf(probabilities[t], capacity);
            bands[t] = Arrays.copyOf(bands[t], capacity);
        }
        segments = Arrays.copyOf(segments, capacity);
    }
}
