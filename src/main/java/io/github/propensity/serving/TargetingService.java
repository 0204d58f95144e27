// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.targeting.ContactPlan;
import io.github.propensity.targeting.ContactPlanner;
import io.github.propensity.targeting.ContactSink;
import io.github.propensity.targeting.TargetingField;
import io.github.propensity.targeting.TargetingInputException;
import io.github.propensity.targeting.TargetingRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Targeting on request, over the server's latest snapshot, through the same planner as the {@code target} command.
 * Reads the body {@code {"task": "churn", "offer_cost": 5, "save_rate": 0.2 | "uplift": "retention", "uplift_outcome":
 * "unwanted", "budget": 1000 | "max_customers": 500, "limit": 100}}, naming every bad field at once; nothing is written but the planner's temporary sorted runs.
 */
public final class TargetingService {
    /** Contacts a JSON answer holds unless {@code limit} says otherwise, and at most: a list is a CSV download. */
    public static final int DEFAULT_JSON_ROWS = 100;
    public static final int MAX_JSON_ROWS = 10_000;
    private static final List<String> FIELDS = List.of("task", "offer_cost", "save_rate", "uplift", "uplift_outcome", "budget", "max_customers",
            "limit");

    private final ContactPlanner planner;

    public TargetingService(ContactPlanner planner) {
        this.planner = planner;
    }

    /**
     * A request's settings, and how many of the listed contacts to send back.
     *
     * @param limit contacts to return; empty: the default of the answer's format
     */
    public record Query(TargetingRequest request, OptionalLong limit) {
    }

    /** @throws TargetingInputException naming each missing or bad field; InvalidInputException for an unknown one */
    public Query parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object with task, offer_cost and save_rate or uplift");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown field '" + name + "'; this endpoint takes " + String.join(", ", FIELDS));
            }
        }
        List<TargetingInputException.Problem> problems = new ArrayList<>();
        String task = text(body, TargetingField.TASK, "churn, purchase or conversion", problems);
        String uplift = text(body, TargetingField.UPLIFT, "the campaign's name", problems);
        String upliftOutcome = text(body, TargetingField.UPLIFT_OUTCOME, "wanted or unwanted", problems);
        Double offerCost = number(body, TargetingField.OFFER_COST, problems);
        Double saveRate = number(body, TargetingField.SAVE_RATE, problems);
        Double budget = number(body, TargetingField.BUDGET, problems);
        Long maxCustomers = whole(body, TargetingField.MAX_CUSTOMERS, problems);
        Long limit = whole(body, TargetingField.LIMIT, problems);
        if (limit != null && (limit < 0 || limit > MAX_JSON_ROWS)) {
            problems.add(new TargetingInputException.Problem(TargetingField.LIMIT, "limit must be 0 to " + MAX_JSON_ROWS
                    + " contacts; download a longer list as text/csv without a limit"));
        }
        TargetingRequest request = null;
        try {
            request = TargetingRequest.of(task, offerCost, saveRate, uplift, upliftOutcome, budget, maxCustomers);
        } catch (TargetingInputException e) {
            problems.addAll(0, e.problems().stream().filter(p -> problems.stream().noneMatch(q -> q.field() == p.field())).toList());
        }
        if (!problems.isEmpty()) {
            throw new TargetingInputException(problems);
        }
        return new Query(request, limit == null ? OptionalLong.empty() : OptionalLong.of(limit));
    }

    /** Pass one over the latest snapshot: summary and curve. */
    public ContactPlan plan(LoadedModels models, TargetingRequest request) {
        if (models.latestSnapshot() == null) {
            throw new NotFoundException("no snapshot yet; run: propensity score --data BASE.csv --id customer_id");
        }
        return planner.plan(models.latestSnapshot(), request);
    }

    /** Pass two: the best {@code rows} contacts of the plan's list, in rank order. */
    public void writeList(ContactPlan plan, long rows, ContactSink sink) {
        planner.writeList(plan, rows, sink);
    }

    private static String text(JsonNode body, TargetingField field, String expected, List<TargetingInputException.Problem> problems) {
        JsonNode value = body.get(field.key());
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new TargetingInputException.Problem(field, field.key() + " must be text: " + expected));
            return null;
        }
        return value.asText();
    }

    private static Double number(JsonNode body, TargetingField field, List<TargetingInputException.Problem> problems) {
        JsonNode value = body.get(field.key());
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(new TargetingInputException.Problem(field, field.key() + " must be a number"));
            return null;
        }
        return value.asDouble();
    }

    private static Long whole(JsonNode body, TargetingField field, List<TargetingInputException.Problem> problems) {
        JsonNode value = body.get(field.key());
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(new TargetingInputException.Problem(field, field.key() + " must be a whole number"));
            return null;
        }
        return value.asLong();
    }
}
