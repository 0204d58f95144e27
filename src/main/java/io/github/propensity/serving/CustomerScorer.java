// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.features.BooleanColumn;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.scoring.Band;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.model.Persona;
import io.github.propensity.scoring.PersonaAssignment;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.scoring.PreparedPersona;
import io.github.propensity.scoring.RowScore;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores customers given as JSON objects (field name to value) with the served models, through the same
 * {@link PreparedModel} as batch scoring. A field the model does not use is ignored; a missing or null
 * field is a missing value, exactly as an empty CSV cell; a value of the wrong type is an error naming the field.
 */
public final class CustomerScorer {
    /** The server scores no campaign for one customer, so a rule on an uplift group matches nobody here. */
    private static final UpliftGroup[] NO_GROUPS = new UpliftGroup[0];
    private final SegmentPolicy policy;

    public CustomerScorer(SegmentPolicy policy) {
        this.policy = policy;
    }

    public CustomerScore score(LoadedModels models, Task task, JsonNode customer) {
        PreparedModel model = models.model(task).orElseThrow(() -> new NotFoundException("no " + task + " model is loaded"));
        return score(model, requireObject(customer));
    }

    /** Every loaded task's score and the customer's primary segment. */
    public Map<String, Object> scoreAll(LoadedModels models, JsonNode customer) {
        requireObject(customer);
        if (models.models().isEmpty()) {
            throw new NotFoundException("no models are loaded");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Band[] bands = new Band[Task.values().length];
        Map<String, CustomerScore> scores = new LinkedHashMap<>();
        for (PreparedModel model : models.models().values()) {
            CustomerScore score = score(model, customer);
            scores.put(model.task().id(), score);
            bands[model.task().ordinal()] = Band.parse(score.band());
        }
        List<String> columns = policy.columns();
        String[] values = new String[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = rawValue(customer.get(columns.get(c)), columns.get(c), null);
        }
        int personaSlot = -1;
        List<Persona> personas = List.of();
        PersonaAssignment assignment = null;
        if (models.personas().isPresent()) {
            PreparedPersona prepared = models.personas().get().prepared();
            personas = prepared.model().personas();
            assignment = assign(prepared, customer);
            personaSlot = assignment.slot();
        }
        result.put("segment", policy.names().get(policy.bindServing(columns, personas).segmentOf(bands, null, values,
                NO_GROUPS, personaSlot)));
        if (assignment != null) {
            result.put("persona", assignment.id());
            result.put("persona_name", assignment.name());
        }
        result.put("scores", scores);
        return result;
    }

    /** The customer's persona through the one assignment path batch rescoring uses. */
    private static PersonaAssignment assign(PreparedPersona prepared, JsonNode customer) {
        String[] fields = cells(customer, prepared.model().space().schema().columns());
        PersonaAssignment assignment = prepared.newAssignment();
        try {
            prepared.assign(fields, assignment);
        } catch (FeatureValueException e) {
            throw invalid(e);
        }
        return assignment;
    }

    /** {@link #scoreAll} for each customer of a JSON array; an error names the customer's position. */
    public List<Map<String, Object>> scoreAllEach(LoadedModels models, JsonNode customers) {
        List<Map<String, Object>> results = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            try {
                results.add(scoreAll(models, customers.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("customer " + i + ": " + e.getMessage());
            }
        }
        return results;
    }

    private static JsonNode requireObject(JsonNode customer) {
        if (customer == null || !customer.isObject()) {
            throw new InvalidInputException("a customer must be a JSON object of feature values");
        }
        return customer;
    }

    private static CustomerScore score(PreparedModel model, JsonNode customer) {
        return score(model, cells(customer, model.bundle().model().encoder().schema().columns()), model.newRowScore());
    }

    /**
     * Scores raw cells laid out as the header {@code model} was prepared for (the CSV request path uses this too).
     *
     * @param scratch reused from row to row by a caller that scores many
     */
    static CustomerScore score(PreparedModel model, String[] fields, RowScore scratch) {
        try {
            model.score(fields, scratch);
        } catch (FeatureValueException e) {
            throw invalid(e);
        }
        return new CustomerScore(model.task().id(), scratch.probability(), scratch.score(), scratch.referencePercentile(),
                scratch.band().label(), scratch.reasons(), model.version());
    }

    /** A JSON customer's raw cells laid out as {@code columns}, the form every prepared model reads. */
    static String[] cells(JsonNode customer, List<FeatureColumn> columns) {
        String[] fields = new String[columns.size()];
        for (int c = 0; c < fields.length; c++) {
            FeatureColumn column = columns.get(c);
            fields[c] = rawValue(customer.get(column.name()), column.name(), column);
        }
        return fields;
    }

    /** A value a column cannot take, as the request's error naming the field. */
    static InvalidInputException invalid(FeatureValueException e) {
        return new InvalidInputException("field '" + e.column() + "': " + e.expectation());
    }

    /** A JSON value as the raw cell a CSV would hold; booleans map to the column's own spelling of yes/no. */
    private static String rawValue(JsonNode value, String field, FeatureColumn column) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            if (column instanceof BooleanColumn bool) {
                return value.booleanValue() ? bool.trueToken() : bool.falseToken();
            }
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isNumber()) {
            if (!Double.isFinite(value.doubleValue())) {
                throw new InvalidInputException("field '" + field + "': the number is out of range");
            }
            return value.asText();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new InvalidInputException("field '" + field + "': expected a number, text, true/false or null, not "
                + (value.isArray() ? "a list" : "an object"));
    }

}
