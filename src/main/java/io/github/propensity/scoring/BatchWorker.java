// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.Decimals;
import io.github.propensity.data.MissingValues;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.model.Task;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one batch of rows with every task's model: encode, calibrated probability, contributions and reasons,
 * band, primary segment, drift counts. Stateless apart from per-call scratch arrays, so one instance serves all
 * threads.
 */
final class BatchWorker {
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final List<TaskScorer> tasks;
    private final SegmentPolicy policy;
    private final SegmentPolicy.Bound segmentRules;
    private final int headerSize;
    /** Input columns copied into the scores file right after the segment. */
    private final int[] keepColumns;
    private final int idColumn;

    BatchWorker(List<TaskScorer> tasks, SegmentPolicy policy, SegmentPolicy.Bound segments, int headerSize, int idColumn,
                int[] keepColumns) {
        this.keepColumns = keepColumns.clone();
        this.tasks = List.copyOf(tasks);
        this.policy = policy;
        this.segmentRules = segments;
        this.headerSize = headerSize;
        this.idColumn = idColumn;
    }

    BatchResult score(RowBatch batch) {
        int taskCount = tasks.size();
        double[][] encoded = new double[taskCount][];
        double[][] contributions = new double[taskCount][];
        double[][] byColumn = new double[taskCount][];
        String[][] rawValues = new String[taskCount][];
        long[][][] featureBins = new long[taskCount][][];
        long[][] scoreBins = new long[taskCount][10];
        for (int t = 0; t < taskCount; t++) {
            TaskScorer task = tasks.get(t);
            encoded[t] = new double[task.encoder.width()];
            contributions[t] = new double[task.encoder.width()];
            byColumn[t] = new double[task.reasons.columns()];
            rawValues[t] = new String[task.reasons.columns()];
            if (task.binners != null) {
                featureBins[t] = new long[task.binners.length][];
                for (int c = 0; c < task.binners.length; c++) {
                    featureBins[t][c] = new long[task.binners[c].bins()];
                }
            }
        }
        float[][] probabilities = new float[taskCount][batch.size()];
        byte[][] bands = new byte[taskCount][batch.size()];
        byte[] segments = new byte[batch.size()];
        String[] reasons = new String[ReasonBuilder.REASONS];
        String[] probabilityText = new String[taskCount];
        String[][] reasonText = new String[taskCount][ReasonBuilder.REASONS];
        Band[] bandByTask = new Band[Task.values().length];
        List<BadRow> bad = new ArrayList<>();
        StringBuilder text = new StringBuilder(batch.size() * 256);
        int scored = 0;
        for (int i = 0; i < batch.size(); i++) {
            String[] fields = batch.rows()[i];
            if (fields.length != headerSize) {
                bad.add(new BadRow(batch.lines()[i], null, "has " + fields.length + " fields but the header has " + headerSize));
                continue;
            }
            if (MissingValues.isMissing(fields[idColumn]) || fields[idColumn].indexOf('\n') >= 0 || fields[idColumn].indexOf('\r') >= 0) {
                bad.add(new BadRow(batch.lines()[i], null, "no usable customer id"));
                continue;
            }
            if (!encodeAll(fields, encoded, batch.lines()[i], bad)) {
                continue;
            }
            java.util.Arrays.fill(bandByTask, null);
            for (int t = 0; t < taskCount; t++) {
                TaskScorer task = tasks.get(t);
                double probability = task.bundle.model().explain(encoded[t], contributions[t]);
                Band band = task.thresholds.band(probability);
                bandByTask[task.task.ordinal()] = band;
                probabilities[t][scored] = (float) probability;
                bands[t][scored] = (byte) band.ordinal();
                scoreBins[t][task.scoreBin(probability)]++;
                int[] indices = task.binding.indices();
                for (int c = 0; c < rawValues[t].length; c++) {
                    rawValues[t][c] = fields[indices[c]];
                }
                task.reasons.reasons(contributions[t], rawValues[t], byColumn[t], reasons);
                System.arraycopy(reasons, 0, reasonText[t], 0, reasons.length);
                probabilityText[t] = Decimals.format(probability, 6);
                if (task.binners != null) {
                    for (int c = 0; c < task.binners.length; c++) {
                        featureBins[t][c][task.binners[c].bin(encoded[t], task.encoder.offset(c))]++;
                    }
                }
            }
            int segment = segmentRules.segmentOf(bandByTask, fields);
            segments[scored] = (byte) segment;
            appendRow(text, fields, fields[idColumn], policy.rules().get(segment).name(), probabilities, bands, scored, probabilityText, reasonText);
            scored++;
        }
        return new BatchResult(text.toString(), scored, probabilities, segments, bands, featureBins, scoreBins, bad);
    }

    private boolean encodeAll(String[] fields, double[][] encoded, long line, List<BadRow> bad) {
        for (int t = 0; t < tasks.size(); t++) {
            TaskScorer task = tasks.get(t);
            try {
                task.encoder.encode(fields, task.binding, encoded[t]);
            } catch (FeatureValueException e) {
                bad.add(new BadRow(line, e.column(), e.getMessage()));
                return false;
            }
        }
        return true;
    }

    private void appendRow(StringBuilder text, String[] fields, String id, String segment, float[][] probabilities, byte[][] bands, int row,
                           String[] probabilityText, String[][] reasonText) {
        try {
            CSV.print(id, text, true);
            CSV.print(segment, text, false);
            for (int column : keepColumns) {
                // The second pass reads the partial file line by line, so a kept value must not span lines.
                String value = fields[column];
                CSV.print(value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? value.replaceAll("[\r\n]+", " ") : value, text, false);
            }
            for (int t = 0; t < tasks.size(); t++) {
                text.append(',').append(probabilityText[t]);
                text.append(',').append(Math.round(probabilities[t][row] * 100));
                text.append(',').append(Band.values()[bands[t][row]].label());
                for (String reason : reasonText[t]) {
                    CSV.print(reason, text, false);
                }
            }
            text.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("appending to a StringBuilder cannot fail", e);
        }
    }
}
