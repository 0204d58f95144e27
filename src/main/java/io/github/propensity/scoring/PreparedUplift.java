// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.model.UpliftModel;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One campaign's uplift model prepared for one input header: the uplift counterpart of {@link PreparedModel} and,
 * like it, the only implementation of scoring a row for uplift, shared by batch rescoring and the HTTP route, so a
 * customer gets the same uplift and group wherever they are scored. Immutable and thread-safe; per-row state lives
 * in a caller-owned {@link UpliftScore}.
 */
public final class PreparedUplift {
    private final String campaign;
    private final String version;
    private final UpliftModel model;
    private final FeatureEncoder encoder;
    private final FeatureEncoder.HeaderBinding binding;

    private PreparedUplift(String campaign, String version, UpliftModel model, FeatureEncoder.HeaderBinding binding) {
        this.campaign = campaign;
        this.version = version;
        this.model = model;
        this.encoder = model.encoder();
        this.binding = binding;
    }

    /**
     * Prepares a campaign's model for rows laid out as {@code header}.
     *
     * @throws io.github.propensity.features.MissingFeatureColumnsException naming the input columns the header lacks
     */
    public static PreparedUplift forHeader(CampaignModel campaign, List<String> header) {
        return new PreparedUplift(campaign.campaign(), campaign.version(), campaign.model(), campaign.model().encoder().bind(header));
    }

    /** Prepares a campaign's model for rows given in its own input column order ({@link #inputColumns()}). */
    public static PreparedUplift inInputOrder(String campaign, String version, UpliftModel model) {
        int inputs = model.schema().inputColumns().size();
        return new PreparedUplift(campaign, version, model, new FeatureEncoder.HeaderBinding(IntStream.range(0, inputs).toArray()));
    }

    public String campaign() {
        return campaign;
    }

    public String version() {
        return version;
    }

    public UpliftModel model() {
        return model;
    }

    /** The model's input columns, in the order {@link #inInputOrder} expects them. */
    public List<String> inputColumns() {
        return model.schema().inputColumns();
    }

    /** Scratch space sized for this model; one per thread, reused for every row. */
    public UpliftScore newScore() {
        return new UpliftScore(encoder.width(), model.newScratch());
    }

    /**
     * Scores one row into {@code into}: encode, uplift, response without contact and group.
     *
     * @param fields the row's cells laid out as the header this model was prepared for
     * @throws FeatureValueException naming the column whose value cannot be read; {@code into} is then unusable
     */
    public void score(String[] fields, UpliftScore into) {
        encoder.encode(fields, binding, into.encoded);
        double controlResponse = model.controlResponse(into.encoded, into.scratch);
        double uplift = model.uplift(into.encoded, into.scratch, controlResponse);
        into.uplift = uplift;
        into.controlResponse = controlResponse;
        into.group = model.groups().of(uplift, controlResponse);
    }
}
