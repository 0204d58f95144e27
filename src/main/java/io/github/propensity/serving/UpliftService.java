// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.scoring.PreparedUplift;
import io.github.propensity.scoring.UpliftScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores customers given as JSON objects with a campaign's served uplift model, through the same
 * {@link PreparedUplift} as batch rescoring; JSON values become cells exactly as for {@link CustomerScorer}, so a
 * customer's uplift and group here equal the snapshot's.
 */
public final class UpliftService {
    /** One customer's uplift, group, response without contact and the model version. */
    public Map<String, Object> score(LoadedModels models, String campaign, JsonNode customer) {
        PreparedUplift model = model(models, campaign);
        return score(model, customer, model.newScore());
    }

    /**
     * {@link #score} for each customer of a JSON array, one scratch for all; an error names the customer's position.
     *
     * @param idField a field to echo back as {@code id} so callers can join results, or null
     */
    public List<Map<String, Object>> scoreEach(LoadedModels models, String campaign, JsonNode customers, String idField) {
        PreparedUplift model = model(models, campaign);
        UpliftScore scratch = model.newScore();
        List<Map<String, Object>> results = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            try {
                Map<String, Object> result = new LinkedHashMap<>();
                if (idField != null) {
                    result.put("id", customers.get(i).path(idField).asText(null));
                }
                result.putAll(score(model, customers.get(i), scratch));
                results.add(result);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("customer " + i + ": " + e.getMessage());
            }
        }
        return results;
    }

    private static PreparedUplift model(LoadedModels models, String campaign) {
        return models.campaign(campaign).orElseThrow(() -> new NotFoundException("no uplift model of campaign '" + campaign
                + "' is loaded" + (models.campaigns().isEmpty() ? "" : "; campaigns: " + String.join(", ", models.campaigns().keySet()))));
    }

    private static Map<String, Object> score(PreparedUplift model, JsonNode customer, UpliftScore scratch) {
        if (customer == null || !customer.isObject()) {
            throw new InvalidInputException("a customer must be a JSON object of feature values");
        }
        try {
            model.score(CustomerScorer.cells(customer, model.model().schema().columns()), scratch);
        } catch (FeatureValueException e) {
            throw CustomerScorer.invalid(e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("campaign", model.campaign());
        result.put("uplift", scratch.uplift());
        result.put("group", scratch.group().label());
        result.put("control_response", scratch.controlResponse());
        result.put("model_version", model.version());
        return result;
    }
}
