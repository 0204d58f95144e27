// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.serving.BatchScorer;
import io.github.propensity.serving.CustomerScorer;
import io.github.propensity.serving.InvalidInputException;
import io.github.propensity.serving.LoadedModels;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.NotFoundException;
import io.github.propensity.serving.UpliftService;
import io.github.propensity.model.Task;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/score/{task}} and {@code POST /v1/score}: one customer (object), many (array) or a CSV body;
 * {@code POST /v1/uplift/{campaign}}: one customer (object) or many (array).
 */
final class ScoreHandlers {
    private final ModelRegistry registry;
    private final CustomerScorer scorer;
    private final BatchScorer batch;
    private final ServerMetrics metrics;
    private final UpliftService uplift;
    private final ObjectMapper json;

    ScoreHandlers(ModelRegistry registry, CustomerScorer scorer, BatchScorer batch, UpliftService uplift, ServerMetrics metrics,
                  ObjectMapper json) {
        this.registry = registry;
        this.uplift = uplift;
        this.scorer = scorer;
        this.batch = batch;
        this.metrics = metrics;
        this.json = json;
    }

    void scoreTask(Context ctx) throws IOException {
        LoadedModels models = registry.current();
        Task task = task(ctx.pathParam("task"));
        String id = ctx.queryParam("id");
        if (isCsv(ctx)) {
            List<Map<String, Object>> results = batch.scoreCsv(models, task, new ByteArrayInputStream(ctx.bodyAsBytes()), id);
            metrics.scored(task.id(), results.size());
            ctx.json(Map.of("results", results));
            return;
        }
        JsonNode body = readJson(ctx);
        if (body.isArray()) {
            List<Map<String, Object>> results = batch.scoreJson(models, task, body, id);
            metrics.scored(task.id(), results.size());
            ctx.json(Map.of("results", results));
        } else {
            ctx.json(scorer.score(models, task, body));
            metrics.scored(task.id(), 1);
        }
    }

    void scoreAll(Context ctx) throws IOException {
        LoadedModels models = registry.current();
        JsonNode body = readJson(ctx);
        if (body.isArray()) {
            List<Map<String, Object>> results = scorer.scoreAllEach(models, body);
            models.models().keySet().forEach(task -> metrics.scored(task.id(), results.size()));
            ctx.json(Map.of("results", results));
        } else {
            ctx.json(scorer.scoreAll(models, body));
            models.models().keySet().forEach(task -> metrics.scored(task.id(), 1));
        }
    }

    void scoreUplift(Context ctx) throws IOException {
        LoadedModels models = registry.current();
        String campaign = ctx.pathParam("campaign");
        JsonNode body = readJson(ctx, false);
        if (body.isArray()) {
            ctx.json(Map.of("results", uplift.scoreEach(models, campaign, body, ctx.queryParam("id"))));
        } else {
            ctx.json(uplift.score(models, campaign, body));
        }
    }

    private JsonNode readJson(Context ctx) throws IOException {
        return readJson(ctx, !ctx.path().equals("/v1/score"));
    }

    private JsonNode readJson(Context ctx, boolean csvAccepted) throws IOException {
        String type = mediaType(ctx);
        if (!type.equals("application/json")) {
            throw new ApiError(415, "Unsupported media type", "send application/json" + (csvAccepted ? " or text/csv" : "")
                    + ", not " + (type.isEmpty() ? "no Content-Type" : type));
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInputException("the body is empty; send a customer object or an array of them");
        }
        return json.readTree(body);
    }

    private static boolean isCsv(Context ctx) {
        return mediaType(ctx).equals("text/csv");
    }

    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static Task task(String text) {
        try {
            return Task.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
