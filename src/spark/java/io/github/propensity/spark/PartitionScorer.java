// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.data.RecordBatch;
import io.github.propensity.scoring.BadRow;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.DriftCounts;
import io.github.propensity.scoring.RowScore;
import io.github.propensity.scoring.ScoredRow;
import io.github.propensity.scoring.ScoredRowSink;
import io.github.propensity.scoring.UpliftScore;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRow;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Scores one input partition: its rows, every field as text in the header's order (as the CLI reads a CSV), go in
 * batches through the executor's {@link BaseScoring}, and each scored customer comes out as a row of
 * {@link ScoresSchema#scored}. Bad rows and drift counts go to accumulators when the partition is done.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    /** As the CLI's batches: big enough to amortise the per-batch scratch, small enough to stay in cache. */
    static final int BATCH_ROWS = 2048;
    /** Bad-row examples one partition reports; the manifest keeps the first 100 over all partitions. */
    static final int EXAMPLES_PER_PARTITION = 10;

    private final Broadcast<ScoringSpec> spec;
    private final LongAccumulator badRows;
    private final CollectionAccumulator<BadRowExample> badRowExamples;
    private final DriftAccumulator drift;

    PartitionScorer(Broadcast<ScoringSpec> spec, LongAccumulator badRows, CollectionAccumulator<BadRowExample> badRowExamples,
                    DriftAccumulator drift) {
        this.spec = spec;
        this.badRows = badRows;
        this.badRowExamples = badRowExamples;
        this.drift = drift;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        BaseScoring scoring = ExecutorScoring.forSpec(spec.value());
        int partition = TaskContext.getPartitionId();
        return new ScoredRows(input, scoring, spec.value().header().size(), partition);
    }

    /** Reads the partition a batch at a time, so a partition never sits in memory whole. */
    private final class ScoredRows implements Iterator<Row> {
        private final Iterator<Row> input;
        private final BaseScoring scoring;
        private final int columns;
        private final int partition;
        private final DriftCounts counts;
        private final List<Row> out = new ArrayList<>(BATCH_ROWS);
        private final String[][] rows = new String[BATCH_ROWS][];
        private final long[] positions = new long[BATCH_ROWS];
        private int next;
        private long read;
        private int examples;
        private boolean reported;
        private final ScoredRowSink sink;
        /** Columns of a scored row, {@link ScoresSchema#ORDER} included. */
        private final int width;
        private final boolean valueColumns;
        private final boolean pAliveColumn;
        /** [persona slot] id and name, boxed once rather than per row; empty when the run assigns none. */
        private final Integer[] personaIds;
        private final String[] personaNames;

        ScoredRows(Iterator<Row> input, BaseScoring scoring, int columns, int partition) {
            this.input = input;
            this.scoring = scoring;
            this.columns = columns;
            this.partition = partition;
            this.counts = scoring.newDriftCounts();
            this.sink = this::toRow;
            this.width = ScoresSchema.scored(spec.value().idColumn(), spec.value().keepColumns(), scoring).fields().length;
            this.valueColumns = !scoring.valueColumns().isEmpty();
            this.pAliveColumn = scoring.valueColumns().contains(ScoresSchema.P_ALIVE);
            int personas = scoring.personaIds().size();
            this.personaIds = new Integer[personas];
            this.personaNames = new String[personas];
            for (int p = 0; p < personas; p++) {
                personaIds[p] = scoring.persona(p).id();
                personaNames[p] = scoring.persona(p).name();
            }
        }

        @Override
        public boolean hasNext() {
            while (next == out.size()) {
                if (!input.hasNext()) {
                    report();
                    return false;
                }
                scoreBatch();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.get(next++);
        }

        private void scoreBatch() {
            out.clear();
            next = 0;
            int size = 0;
            while (size < BATCH_ROWS && input.hasNext()) {
                Row row = input.next();
                String[] fields = new String[columns];
                for (int c = 0; c < columns; c++) {
                    // A null cell is an empty one, as a CSV writes a missing value.
                    fields[c] = row.isNullAt(c) ? "" : row.getString(c);
                }
                rows[size] = fields;
                positions[size] = ++read;
                size++;
            }
            BaseScoring.Outcome outcome = scoring.score(new RecordBatch(rows, positions, size, null), sink, counts);
            if (!outcome.badRows().isEmpty()) {
                badRows.add(outcome.badRows().size());
                for (BadRow bad : outcome.badRows()) {
                    if (examples++ < EXAMPLES_PER_PARTITION) {
                        badRowExamples.add(new BadRowExample(partition, bad.line(), bad.column(), bad.reason()));
                    }
                }
            }
        }

        private void toRow(ScoredRow scored) {
            int tasks = scored.tasks();
            int kept = scored.keptColumns();
            Object[] values = new Object[width];
            int v = 0;
            values[v++] = scored.id();
            values[v++] = scored.segment();
            for (int k = 0; k < kept; k++) {
                values[v++] = scored.keptValue(k);
            }
            if (valueColumns) {
                // An empty or unreadable cell, as the CLI leaves it empty: null, not NaN, so aggregates skip it.
                values[v++] = Double.isNaN(scored.clv()) ? null : scored.clv();
                if (pAliveColumn) {
                    values[v++] = Double.isNaN(scored.pAlive()) ? null : scored.pAlive();
                }
                values[v++] = scored.valueBand() == null ? null : scored.valueBand().label();
            }
            for (int t = 0; t < tasks; t++) {
                RowScore score = scored.score(t);
                values[v++] = score.probability();
                values[v++] = (int) score.score();
                values[v++] = score.band().label();
                for (int slot = 0; slot < ScoresSchema.REASONS; slot++) {
                    String reason = score.reason(slot);
                    values[v++] = reason.isEmpty() ? null : reason;
                }
            }
            for (int k = 0; k < scored.campaigns(); k++) {
                UpliftScore uplift = scored.uplift(k);
                values[v++] = uplift.uplift();
                values[v++] = uplift.group().label();
            }
            if (personaIds.length > 0) {
                values[v++] = personaIds[scored.personaSlot()];
                values[v++] = personaNames[scored.personaSlot()];
            }
            values[v] = inputOrder(scored.line());
            out.add(new GenericRow(values));
        }

        /** As Spark's monotonically_increasing_id: the partition in the upper 31 bits, the row within it below. */
        private long inputOrder(long row) {
            return ((long) partition << 33) + row;
        }

        private void report() {
            if (!reported) {
                reported = true;
                drift.add(counts);
            }
        }
    }
}
