// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.RecordBatch;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;
import io.github.propensity.value.ValueColumns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scores one batch of rows with every task's prepared model and every campaign's uplift model, then adds what only a rescoring run needs: primary
 * segment, drift counts, the id hash for repeated-id checks, and hands each scored row to a {@link ScoredRowSink} (the
 * CLI's scores-file text, or the Spark job's rows). Stateless apart from
 * per-call scratch, so one instance serves all threads.
 */
final class BatchWorker {
    private final List<PreparedModel> models;
    private final List<PreparedUplift> uplifts;
    private final Optional<PreparedPersona> persona;
    private final List<DriftBinning> drift;
    private final SegmentPolicy policy;
    private final SegmentPolicy.Bound segmentRules;
    private final int headerSize;
    /** Input columns copied into the scores file right after the segment. */
    private final int[] keepColumns;
    private final int idColumn;
    /** The base's CLV column, -1 when it has none; then none of the value fields below is read. */
    private final int clvColumn;
    private final String clvName;
    private final int pAliveColumn;
    /** The CLVs where the medium and high value bands start; null when this run has no value bands. */
    private final BandCutoffs.Thresholds valueThresholds;
    private static final byte[] NO_VALUE_CODES = new byte[0];
    private static final byte[] NO_PERSONAS = new byte[0];

    BatchWorker(List<PreparedModel> models, List<PreparedUplift> uplifts, List<DriftBinning> drift, SegmentPolicy policy,
                SegmentPolicy.Bound segments, int headerSize, int idColumn, int[] keepColumns, Optional<ValueInput> value,
                Optional<PreparedPersona> persona) {
        this.models = List.copyOf(models);
        this.persona = persona;
        this.uplifts = List.copyOf(uplifts);
        this.drift = List.copyOf(drift);
        this.policy = policy;
        this.segmentRules = segments;
        this.headerSize = headerSize;
        this.idColumn = idColumn;
        this.keepColumns = keepColumns.clone();
        this.clvColumn = value.map(ValueInput::clvIndex).orElse(-1);
        this.clvName = value.map(ValueInput::clvColumn).orElse(null);
        this.pAliveColumn = value.map(ValueInput::pAliveIndex).orElse(-1);
        this.valueThresholds = value.map(ValueInput::banding)
                .filter(ValueInput.Banding.Banded.class::isInstance).map(b -> ((ValueInput.Banding.Banded) b).thresholds()).orElse(null);
    }

    /** Scores a batch for the CLI's scores file: the rows as CSV text in the result. */
    BatchResult score(RecordBatch batch) {
        ScoresCsvText text = new ScoresCsvText(batch.size(), clvColumn, pAliveColumn, persona);
        return score(batch, text, text);
    }

    /** Scores a batch, handing each scored row to {@code sink}; the result carries no text. */
    BatchResult score(RecordBatch batch, ScoredRowSink sink) {
        return score(batch, sink, null);
    }

    private BatchResult score(RecordBatch batch, ScoredRowSink sink, ScoresCsvText text) {
        int taskCount = models.size();
        RowScore[] scores = new RowScore[taskCount];
        long[][][] featureBins = new long[taskCount][][];
        for (int t = 0; t < taskCount; t++) {
            scores[t] = models.get(t).newRowScore();
            featureBins[t] = drift.get(t).newFeatureCounts();
        }
        int campaignCount = uplifts.size();
        UpliftScore[] upliftScores = new UpliftScore[campaignCount];
        for (int k = 0; k < campaignCount; k++) {
            upliftScores[k] = uplifts.get(k).newScore();
        }
        byte[][] upliftGroups = new byte[campaignCount][batch.size()];
        PersonaAssignment assignment = persona.map(PreparedPersona::newAssignment).orElse(null);
        byte[] personaSlots = assignment != null ? new byte[batch.size()] : NO_PERSONAS;
        UpliftGroup[] groupBySlot = new UpliftGroup[campaignCount];
        long[][] scoreBins = new long[taskCount][10];
        float[][] probabilities = new float[taskCount][batch.size()];
        byte[][] bands = new byte[taskCount][batch.size()];
        byte[] segments = new byte[batch.size()];
        long[] lines = new long[batch.size()];
        long[] idHashes = new long[2 * batch.size()];
        byte[] valueCodes = clvColumn >= 0 ? new byte[batch.size()] : NO_VALUE_CODES;
        Band[] bandByTask = new Band[Task.values().length];
        List<BadRow> bad = new ArrayList<>();
        ScoredRow view = new ScoredRow(keepColumns);
        view.scores = scores;
        view.uplifts = upliftScores;
        int scored = 0;
        for (int i = 0; i < batch.size(); i++) {
            String[] fields = batch.rows()[i];
            long line = batch.lines()[i];
            if (fields.length != headerSize) {
                bad.add(new BadRow(line, null, "has " + fields.length + " fields but the header has " + headerSize));
                continue;
            }
            String id = fields[idColumn];
            if (MissingValues.isMissing(id) || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                bad.add(new BadRow(line, null, "no usable customer id"));
                continue;
            }
            double clv = Double.NaN;
            double pAlive = Double.NaN;
            if (clvColumn >= 0) {
                clv = NumericValues.parseOrNaN(fields[clvColumn].strip());
                pAlive = pAliveColumn >= 0 ? NumericValues.parseOrNaN(fields[pAliveColumn].strip()) : Double.NaN;
                if (!valueReadable(clv, pAlive, fields, line, bad)) {
                    continue;
                }
            }
            if (!scoreAll(fields, scores, line, bad) || !scoreCampaigns(fields, upliftScores, line, bad)
                    || !assignPersona(fields, assignment, line, bad)) {
                continue;
            }
            Band valueBand = clvColumn >= 0 ? valueBand(clv, valueCodes, scored) : null;
            Arrays.fill(bandByTask, null);
            for (int t = 0; t < taskCount; t++) {
                RowScore score = scores[t];
                bandByTask[models.get(t).task().ordinal()] = score.band();
                probabilities[t][scored] = (float) score.probability();
                bands[t][scored] = (byte) score.band().ordinal();
                DriftBinning binning = drift.get(t);
                scoreBins[t][binning.scoreBin(score.probability())]++;
                if (featureBins[t] != null) {
                    for (int c = 0; c < binning.binners.length; c++) {
                        featureBins[t][c][binning.binners[c].bin(score.encoded(), models.get(t).encoder().offset(c))]++;
                    }
                }
            }
            for (int k = 0; k < campaignCount; k++) {
                groupBySlot[k] = upliftScores[k].group();
                upliftGroups[k][scored] = (byte) groupBySlot[k].ordinal();
            }
            int personaSlot = assignment != null ? assignment.slot() : -1;
            if (assignment != null) {
                personaSlots[scored] = (byte) personaSlot;
            }
            int segment = segmentRules.segmentOf(bandByTask, valueBand, fields, groupBySlot, personaSlot);
            segments[scored] = (byte) segment;
            lines[scored] = line;
            CustomerIdHash.hash(id, idHashes, 2 * scored);
            view.fields = fields;
            view.id = id;
            view.segment = policy.rules().get(segment).name();
            view.clv = clv;
            view.pAlive = pAlive;
            view.valueBand = valueBand;
            view.personaSlot = personaSlot;
            view.line = line;
            sink.accept(view);
            scored++;
        }
        return new BatchResult(text == null ? "" : text.text(), scored, lines, idHashes, text == null ? new int[0] : text.rowEnds(), probabilities, segments, bands, valueCodes,
                upliftGroups, personaSlots, featureBins, scoreBins, bad);
    }

    /** The customer's value band (null when none), with its code recorded for the counts. */
    private Band valueBand(double clv, byte[] valueCodes, int row) {
        if (Double.isNaN(clv)) {
            valueCodes[row] = ValueInput.WITHOUT_CLV;
            return null;
        }
        if (valueThresholds == null) {
            valueCodes[row] = ValueInput.UNBANDED;
            return null;
        }
        Band band = valueThresholds.band(clv);
        valueCodes[row] = (byte) band.ordinal();
        return band;
    }

    /**
     * A CLV below zero or a p_alive outside 0-1 is bad data (a row the job cannot use, counted like an unreadable
     * feature); an empty or unreadable cell is a customer without that value, never a bad row.
     */
    private boolean valueReadable(double clv, double pAlive, String[] fields, long line, List<BadRow> bad) {
        if (clv < 0) {
            bad.add(new BadRow(line, clvName, "column '" + clvName + "': " + fields[clvColumn].strip() + " is negative; a CLV is never below 0"));
            return false;
        }
        if (pAlive < 0 || pAlive > 1) {
            bad.add(new BadRow(line, ValueColumns.P_ALIVE_NAME, "column '" + ValueColumns.P_ALIVE_NAME + "': " + fields[pAliveColumn].strip()
                    + " is not a probability between 0 and 1"));
            return false;
        }
        return true;
    }

    /** Scores every task; false (with the bad row recorded) when any task cannot read the row. */
    private boolean scoreAll(String[] fields, RowScore[] scores, long line, List<BadRow> bad) {
        for (int t = 0; t < models.size(); t++) {
            try {
                models.get(t).score(fields, scores[t]);
            } catch (FeatureValueException e) {
                bad.add(new BadRow(line, e.column(), e.getMessage()));
                return false;
            }
        }
        return true;
    }

    /** Scores every campaign; false (with the bad row recorded) when any campaign's model cannot read the row. */
    private boolean scoreCampaigns(String[] fields, UpliftScore[] scores, long line, List<BadRow> bad) {
        for (int k = 0; k < uplifts.size(); k++) {
            try {
                uplifts.get(k).score(fields, scores[k]);
            } catch (FeatureValueException e) {
                bad.add(new BadRow(line, e.column(), e.getMessage()));
                return false;
            }
        }
        return true;
    }

    /** Assigns the persona, when the run has a persona model; false (with the bad row recorded) when it cannot read the row. */
    private boolean assignPersona(String[] fields, PersonaAssignment assignment, long line, List<BadRow> bad) {
        if (assignment == null) {
            return true;
        }
        try {
            persona.get().assign(fields, assignment);
            return true;
        } catch (FeatureValueException e) {
            bad.add(new BadRow(line, e.column(), e.getMessage()));
            return false;
        }
    }
}
