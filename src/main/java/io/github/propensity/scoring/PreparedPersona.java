// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.model.PersonaModel;
import io.github.propensity.model.PersonaSpace;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The persona model prepared for one input header: the persona counterpart of {@link PreparedModel} and the only
 * implementation of assigning a row to its persona in scoring, shared by batch rescoring and the HTTP route, so a
 * customer gets the same persona wherever they are scored (and the one {@code personas assign} gives: both use the
 * model's encoder, space and {@link PersonaModel#nearest}). Immutable and thread-safe; per-row state lives in a
 * caller-owned {@link PersonaAssignment}.
 */
public final class PreparedPersona {
    /** The scores file's persona columns, after the uplift columns and before the percentiles. */
    public static final List<String> COLUMNS = List.of("persona", "persona_name");

    private final String version;
    private final PersonaModel model;
    private final PersonaSpace space;
    private final FeatureEncoder encoder;
    private final FeatureEncoder.HeaderBinding binding;
    private final double[][] centroids;
    /** [slot] ",id,name" as the scores file writes it, made once rather than per row. */
    private final String[] csvText;

    private PreparedPersona(String version, PersonaModel model, FeatureEncoder.HeaderBinding binding) {
        this.version = version;
        this.model = model;
        this.space = model.space();
        this.encoder = space.encoder();
        this.binding = binding;
        this.centroids = model.centroids();
        this.csvText = new String[centroids.length];
        for (int p = 0; p < csvText.length; p++) {
            StringBuilder text = new StringBuilder().append(',').append(model.personas().get(p).id());
            CsvValues.appendAfterComma(text, model.personas().get(p).name());
            csvText[p] = text.toString();
        }
    }

    /**
     * Prepares the model for rows laid out as {@code header}.
     *
     * @throws io.github.propensity.features.MissingFeatureColumnsException naming the input columns the header lacks
     */
    public static PreparedPersona forHeader(PersonaChoice choice, List<String> header) {
        return new PreparedPersona(choice.version(), choice.model(), choice.model().space().encoder().bind(header));
    }

    /**
     * Prepares a model for rows laid out as {@code header} outside a rescoring run ({@code personas assign}), which
     * records no version.
     *
     * @throws io.github.propensity.features.MissingFeatureColumnsException naming the input columns the header lacks
     */
    public static PreparedPersona forHeader(PersonaModel model, List<String> header) {
        return new PreparedPersona(null, model, model.space().encoder().bind(header));
    }

    /** Prepares the model for rows given in its own input column order ({@link #inputColumns()}). */
    public static PreparedPersona inInputOrder(String version, PersonaModel model) {
        int inputs = model.space().schema().inputColumns().size();
        return new PreparedPersona(version, model, new FeatureEncoder.HeaderBinding(IntStream.range(0, inputs).toArray()));
    }

    public String version() {
        return version;
    }

    public PersonaModel model() {
        return model;
    }

    /** The model's input columns, in the order {@link #inInputOrder} expects them. */
    public List<String> inputColumns() {
        return space.schema().inputColumns();
    }

    /** Scratch space sized for this model; one per thread, reused for every row. */
    public PersonaAssignment newAssignment() {
        return new PersonaAssignment(this, encoder.width(), space.width());
    }

    /**
     * Assigns one row into {@code into}: encode, project into the persona space, nearest centroid.
     *
     * @param fields the row's cells laid out as the header this model was prepared for
     * @throws FeatureValueException naming the column whose value cannot be read; {@code into} is then unusable
     */
    public void assign(String[] fields, PersonaAssignment into) {
        encoder.encode(fields, binding, into.encoded);
        space.project(into.encoded, into.point);
        into.slot = PersonaModel.nearest(into.point, centroids);
    }

    /** Appends {@code ,id,name} of the persona in {@code slot}. */
    public void appendColumns(StringBuilder text, int slot) {
        text.append(csvText[slot]);
    }
}
