// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.Task;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One task's bundle prepared for one input header: the encoder bound to the header, the band thresholds and the
 * reason builder. It is the only implementation of scoring a row, shared by batch rescoring and every HTTP path,
 * so a customer gets the same probability, score, band, reasons and reference percentile wherever they are scored.
 * Immutable and thread-safe; per-row state lives in a caller-owned {@link RowScore}, so a batch allocates its
 * arrays once and writes reason text only where it is asked for.
 */
public final class PreparedModel {
    private final Task task;
    private final ModelBundle bundle;
    private final FeatureEncoder encoder;
    private final FeatureEncoder.HeaderBinding binding;
    private final int[] positions;
    private final BandCutoffs cutoffs;
    private final BandCutoffs.Thresholds thresholds;
    private final ReasonBuilder reasons;

    private PreparedModel(Task task, ModelBundle bundle, FeatureEncoder.HeaderBinding binding, BandCutoffs cutoffs,
                          ReasonBuilder reasons) {
        this.task = task;
        this.bundle = bundle;
        this.encoder = bundle.model().encoder();
        this.binding = binding;
        this.positions = binding.indices();
        this.cutoffs = cutoffs;
        this.thresholds = cutoffs.thresholds(bundle.reference());
        this.reasons = reasons;
    }

    /**
     * Prepares a bundle for rows laid out as {@code header}.
     *
     * @throws io.github.propensity.features.MissingFeatureColumnsException naming the input columns the header lacks
     */
    public static PreparedModel forHeader(Task task, ModelBundle bundle, List<String> header, BandCutoffs cutoffs) {
        FeatureEncoder encoder = bundle.model().encoder();
        return new PreparedModel(task, bundle, encoder.bind(header), cutoffs, new ReasonBuilder(encoder.schema()));
    }

    /** Prepares a bundle for rows given in its own input column order ({@link #inputColumns()}). */
    public static PreparedModel inInputOrder(Task task, ModelBundle bundle, BandCutoffs cutoffs) {
        FeatureEncoder encoder = bundle.model().encoder();
        int inputs = encoder.schema().inputColumns().size();
        return new PreparedModel(task, bundle, new FeatureEncoder.HeaderBinding(IntStream.range(0, inputs).toArray()),
                cutoffs, new ReasonBuilder(encoder.schema()));
    }

    /** The same model and thresholds for rows laid out as another header (a CSV request body's). */
    public PreparedModel forHeader(List<String> header) {
        return new PreparedModel(task, bundle, encoder.bind(header), cutoffs, reasons);
    }

    public Task task() {
        return task;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public String version() {
        return bundle.version();
    }

    public BandCutoffs.Thresholds thresholds() {
        return thresholds;
    }

    /** The model's input columns, in the order {@link #inInputOrder} expects them. */
    public List<String> inputColumns() {
        return encoder.schema().inputColumns();
    }

    FeatureEncoder encoder() {
        return encoder;
    }

    /** Scratch space sized for this model; one per thread, reused for every row. */
    public RowScore newRowScore() {
        return new RowScore(encoder.width(), reasons, bundle.reference());
    }

    /**
     * Scores one row into {@code into}: encode, calibrated probability with per-feature contributions, reasons,
     * band and 0-100 score (the reference percentile is looked up when asked for).
     *
     * @param fields the row's cells laid out as the header this model was prepared for
     * @throws FeatureValueException naming the column whose value cannot be read; {@code into} is then unusable
     */
    public void score(String[] fields, RowScore into) {
        encoder.encode(fields, binding, into.encoded);
        double probability = bundle.model().explain(into.encoded, into.contributions);
        for (int c = 0; c < positions.length; c++) {
            into.rawValues[c] = fields[positions[c]];
        }
        reasons.rank(into.contributions, into.byColumn, into.reasonColumns, into.reasonPushes);
        into.probability = probability;
        into.score = Math.round(probability * 100);
        into.band = thresholds.band(probability);
    }
}
