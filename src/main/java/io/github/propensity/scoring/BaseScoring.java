// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.RecordBatch;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rescoring run's scoring of rows, for a caller that reads the base itself and feeds the rows in batches (the
 * Spark job, one partition at a time): the same {@link BatchWorker}, prepared models, segment rules and drift bins as
 * the CLI's {@link RescoreJob}, bound to the base's header. Scores the models' tasks, the segments and the kept
 * columns; value, uplift and persona columns are the CLI's alone so far, and a base with a CLV column is refused
 * rather than scored without its value bands. Immutable and thread-safe, like the worker.
 */
public final class BaseScoring {
    private final List<PreparedModel> models;
    private final List<DriftBinning> binnings;
    private final BatchWorker worker;
    private final List<String> scoredColumns;

    private BaseScoring(List<PreparedModel> models, List<DriftBinning> binnings, BatchWorker worker, List<String> scoredColumns) {
        this.models = List.copyOf(models);
        this.binnings = List.copyOf(binnings);
        this.worker = worker;
        this.scoredColumns = List.copyOf(scoredColumns);
    }

    /**
     * Binds the bundles to a base laid out as {@code header}.
     *
     * @param bundles each task's bundle, in the order the scores carry the tasks
     * @throws IllegalArgumentException naming a missing id, kept or feature column, a CLV column, or a segment rule
     *                                  on a column the base lacks
     */
    public static BaseScoring prepare(Map<Task, ModelBundle> bundles, List<String> header, String idColumn, List<String> keepColumns,
                                      SegmentPolicy policy) {
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("no models to score with");
        }
        int id = BaseHeader.idColumn(header, idColumn);
        int[] keep = BaseHeader.keepColumns(header, keepColumns);
        for (String column : header) {
            if (ValueInput.isClvColumn(column)) {
                throw new IllegalArgumentException("the base has the value column '" + column + "'; value bands are scored by the"
                        + " CLI's score command only so far: score this base there, or leave the column out");
            }
        }
        List<PreparedModel> models = new ArrayList<>();
        List<DriftBinning> binnings = new ArrayList<>();
        for (Map.Entry<Task, ModelBundle> bundle : bundles.entrySet()) {
            try {
                models.add(PreparedModel.forHeader(bundle.getKey(), bundle.getValue(), header, policy.bands()));
            } catch (MissingFeatureColumnsException e) {
                throw new IllegalArgumentException(e.getMessage() + " (" + bundle.getKey() + " model " + bundle.getValue().version() + ")", e);
            }
            binnings.add(new DriftBinning(bundle.getValue()));
        }
        SegmentPolicy.Bound segments = policy.bind(header, false, List.of(), List.of());
        BatchWorker worker = new BatchWorker(models, List.of(), binnings, policy, segments, header.size(), id, keep, Optional.empty(),
                Optional.empty());
        List<Task> tasks = models.stream().map(PreparedModel::task).toList();
        List<String> columns = ScoresFileFinisher.header(idColumn, tasks, keepColumns, List.of(), List.of(), false);
        return new BaseScoring(models, binnings, worker, columns.subList(0, columns.size() - tasks.size()));
    }

    /** What one batch gave: how many rows were scored (and handed on) and the rows that could not be. */
    public record Outcome(int scored, List<BadRow> badRows) {
        public Outcome {
            badRows = List.copyOf(badRows);
        }
    }

    /**
     * Scores one batch, handing each scored row to {@code sink} and adding the drift counts to {@code drift}. Rows
     * are not checked for repeated ids: within one batch of a distributed base that says nothing, the caller checks.
     */
    public Outcome score(RecordBatch batch, ScoredRowSink sink, DriftCounts drift) {
        BatchResult result = worker.score(batch, sink);
        drift.add(result);
        return new Outcome(result.scored(), result.badRows());
    }

    /** Empty drift counts for this run's tasks. */
    public DriftCounts newDriftCounts() {
        return new DriftCounts(binnings);
    }

    /** {@code drift.json} from the counts of the whole base. */
    public DriftReport driftReport(DriftCounts counts) {
        return counts.report(models, binnings);
    }

    public List<Task> tasks() {
        return models.stream().map(PreparedModel::task).toList();
    }

    /** The scores file's columns before the percentiles: id, segment, kept columns, then each task's six. */
    public List<String> scoredColumns() {
        return scoredColumns;
    }

    /** The percentile column of each task, in task order: the scores file's last columns. */
    public List<String> percentileColumns() {
        return tasks().stream().map(task -> task.id() + "_percentile").toList();
    }

    /** Each task's model version and band thresholds, as the manifest lists them. */
    public Map<String, SnapshotManifest.ModelUsed> modelsUsed() {
        return modelsUsed(models);
    }

    /** Each model's version and band thresholds by task id, as a manifest lists them. */
    static Map<String, SnapshotManifest.ModelUsed> modelsUsed(List<PreparedModel> models) {
        Map<String, SnapshotManifest.ModelUsed> used = new LinkedHashMap<>();
        for (PreparedModel model : models) {
            used.put(model.task().id(), new SnapshotManifest.ModelUsed(model.version(), model.thresholds()));
        }
        return used;
    }
}
