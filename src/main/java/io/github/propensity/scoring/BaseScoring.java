// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.data.RecordBatch;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Persona;
import io.github.propensity.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rescoring run's scoring of rows bound to the base's header: the prepared models, campaigns, persona model, value
 * columns, segment rules and drift bins, and the {@link BatchWorker} that scores with them. The CLI's
 * {@link RescoreJob} scores through it, and so does a caller that reads the base itself and feeds the rows in batches
 * (the Spark job, one partition at a time), so both check the header, refuse and skip the same things and score each
 * customer the same. Immutable and thread-safe, like the worker.
 */
public final class BaseScoring {
    private static final Logger log = LoggerFactory.getLogger(BaseScoring.class);

    private final List<PreparedModel> models;
    private final List<DriftBinning> binnings;
    private final CampaignsInRun campaigns;
    private final PersonaInRun personas;
    private final Optional<ValueInput> value;
    private final SegmentPolicy policy;
    private final BatchWorker worker;
    private final List<String> scoredColumns;

    private BaseScoring(List<PreparedModel> models, List<DriftBinning> binnings, CampaignsInRun campaigns, PersonaInRun personas,
                        Optional<ValueInput> value, SegmentPolicy policy, BatchWorker worker, List<String> scoredColumns) {
        this.models = List.copyOf(models);
        this.binnings = List.copyOf(binnings);
        this.campaigns = campaigns;
        this.personas = personas;
        this.value = value;
        this.policy = policy;
        this.worker = worker;
        this.scoredColumns = List.copyOf(scoredColumns);
    }

    /**
     * Binds the models to a base laid out as {@code header}.
     *
     * @throws DataException naming the base and a missing id, kept or feature column, a campaign or persona model the
     *                       base cannot feed that the user asked for, a kept column named like a score column, several
     *                       CLV columns, or a segment rule on a column, campaign or persona the run lacks
     */
    public static BaseScoring prepare(ScoringInput input, List<String> header, RunModels run, SegmentPolicy policy) {
        int idColumn;
        int[] keep;
        try {
            idColumn = BaseHeader.idColumn(header, input.idColumn());
            keep = BaseHeader.keepColumns(header, input.keepColumns());
        } catch (IllegalArgumentException e) {
            throw DataException.inFile(input.data(), e.getMessage());
        }
        List<PreparedModel> models = new ArrayList<>();
        List<DriftBinning> binnings = new ArrayList<>();
        for (Map.Entry<Task, ModelBundle> bundle : run.tasks().entrySet()) {
            try {
                models.add(PreparedModel.forHeader(bundle.getKey(), bundle.getValue(), header, policy.bands()));
            } catch (MissingFeatureColumnsException e) {
                throw DataException.inFile(input.data(), e.getMessage() + " (" + bundle.getKey() + " model " + bundle.getValue().version() + ")");
            }
            binnings.add(new DriftBinning(bundle.getValue()));
        }
        CampaignsInRun campaigns = CampaignsInRun.prepare(input.data(), run.campaigns(), header);
        PersonaInRun personas = PersonaInRun.prepare(input.data(), run.personas(), header);
        if (personas.prepared().isPresent()) {
            for (String column : PreparedPersona.COLUMNS) {
                if (input.keepColumns().contains(column)) {
                    throw DataException.inFile(input.data(), "'" + column + "' is written to the scores file as a persona column;"
                            + " do not keep it too (or score with --no-personas)");
                }
            }
        }
        Optional<ValueInput> value = valueInput(input, header, run, policy);
        SegmentPolicy.Bound segments;
        try {
            segments = policy.bind(header, value.map(ValueInput::banded).orElse(false), campaigns.names(),
                    personas.prepared().map(p -> p.model().personas()).orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw DataException.inFile(input.data(), e.getMessage());
        }
        BatchWorker worker = new BatchWorker(models, campaigns.scored(), binnings, policy, segments, header.size(), idColumn, keep, value,
                personas.prepared());
        List<Task> tasks = models.stream().map(PreparedModel::task).toList();
        List<String> columns = ScoresFileFinisher.header(input.idColumn(), tasks, input.keepColumns(),
                value.map(ValueInput::outputColumns).orElse(List.of()), campaigns.names(), personas.prepared().isPresent());
        return new BaseScoring(models, binnings, campaigns, personas, value, policy, worker, columns.subList(0, columns.size() - tasks.size()));
    }

    /**
     * The base's value columns, if any, with one warning when they cannot be banded; refuses a kept column that
     * would repeat a value column's name in the scores file.
     */
    private static Optional<ValueInput> valueInput(ScoringInput input, List<String> header, RunModels run, SegmentPolicy policy) {
        Optional<ValueInput> value = ValueInput.find(input.data(), header, run.store(), policy.valueBands());
        if (value.isEmpty()) {
            for (SegmentRule rule : policy.rules()) {
                if (rule.value() instanceof ValueCondition.Bands) {
                    log.warn("segment '{}' reads the value band, and the base has no clv_<days>d column: it matches nobody", rule.name());
                }
            }
            return value;
        }
        for (String column : value.get().outputColumns()) {
            if (input.keepColumns().contains(column)) {
                throw DataException.inFile(input.data(), "'" + column + "' is written to the scores file as a value column; do not keep it too");
            }
        }
        if (value.get().banding() instanceof ValueInput.Banding.Unbanded unbanded) {
            log.warn("{} is copied to the scores file without value bands: {}; segment rules on value apply their"
                    + " when_without_value, or match nobody", value.get().clvColumn(), unbanded.reason());
        }
        return value;
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

    BatchWorker worker() {
        return worker;
    }

    /** An empty tally for the CLI's pass one. */
    ScoringTally newTally() {
        return new ScoringTally(models, campaigns.scored(), binnings, policy, value, personas.prepared());
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

    /**
     * The scores file's columns before the percentiles: id, segment, kept columns, value columns, each task's six,
     * each campaign's two and the persona's two.
     */
    public List<String> scoredColumns() {
        return scoredColumns;
    }

    /** The value columns the rows carry after the kept ones ({@code clv}, {@code p_alive}, {@code value_band}); empty without a CLV column. */
    public List<String> valueColumns() {
        return value.map(ValueInput::outputColumns).orElse(List.of());
    }

    /** Whether the rows carry a value band: the base has a CLV column of the current value model's horizon. */
    public boolean valueBanded() {
        return value.map(ValueInput::banded).orElse(false);
    }

    /** The scored campaigns, in the order of their columns. */
    public List<String> campaignNames() {
        return campaigns.names();
    }

    /** Whether the rows carry the persona columns. */
    public boolean assignsPersonas() {
        return personas.prepared().isPresent();
    }

    /** The persona in a {@link ScoredRow#personaSlot()}. */
    public Persona persona(int slot) {
        return personas.prepared().orElseThrow(() -> new IllegalStateException("this run assigns no persona")).model().personas().get(slot);
    }

    /** Each task's model version and band thresholds, as the manifest lists them. */
    public Map<String, SnapshotManifest.ModelUsed> modelsUsed() {
        Map<String, SnapshotManifest.ModelUsed> used = new LinkedHashMap<>();
        for (PreparedModel model : models) {
            used.put(model.task().id(), new SnapshotManifest.ModelUsed(model.version(), model.thresholds()));
        }
        return used;
    }

    /**
     * The manifest's value block; null (left out) when the base has no CLV column.
     *
     * @param withoutClv scored customers whose CLV cell was empty or held no number
     */
    public SnapshotManifest.ValueUsed valueUsed(long withoutClv) {
        if (value.isEmpty()) {
            return null;
        }
        String model = null;
        BandCutoffs.Thresholds thresholds = null;
        String unbandedReason = null;
        if (value.get().banding() instanceof ValueInput.Banding.Banded banded) {
            model = banded.modelVersion();
            thresholds = banded.thresholds();
        } else if (value.get().banding() instanceof ValueInput.Banding.Unbanded unbanded) {
            unbandedReason = unbanded.reason();
        }
        return new SnapshotManifest.ValueUsed(value.get().clvColumn(), value.get().pAliveIndex() >= 0, model, policy.valueBands(), thresholds,
                unbandedReason, withoutClv, value.get().banded() && policy.readsValue());
    }

    /** The manifest's campaigns block; null when the run had no uplift model. */
    public Map<String, SnapshotManifest.CampaignUsed> campaignsUsed() {
        return campaigns.used();
    }

    /** The campaigns skipped because the base cannot feed them, for the manifest; null when none was. */
    public Map<String, String> campaignsSkipped() {
        return campaigns.skippedOrNull();
    }

    /** The manifest's persona block; null when the run had no persona model. */
    public SnapshotManifest.PersonasUsed personasUsed() {
        return personas.used();
    }

    /** The persona ids as text in slot order: the labels of the persona migration; empty when none is assigned. */
    public List<String> personaIds() {
        return personas.ids();
    }
}
