// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.model.CardSummary;
import io.github.propensity.model.BundleFiles;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.serving.InvalidInputException;
import io.github.propensity.serving.LoadedModels;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.NotFoundException;
import io.github.propensity.personas.PersonaCard;
import io.github.propensity.serving.SegmentLists;
import io.github.propensity.serving.ServedPersonas;
import io.github.propensity.serving.SegmentLists.Order;
import io.github.propensity.serving.ValueModels;
import io.github.propensity.model.Task;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Read endpoints: readiness, models and cards, segments and their customer lists (streamed), the backtest ledger. */
final class ReadHandlers {
    static final List<String> SEGMENT_LIST_PARAMETERS = List.of("format", "limit", "sort", "order", "task", "min_score");

    private final ModelRegistry registry;
    private final SegmentLists segments;
    private final BacktestLedger backtests;
    private final ValueModels value;
    private final ObjectMapper json;

    ReadHandlers(ModelRegistry registry, SegmentLists segments, BacktestLedger backtests, ValueModels value, ObjectMapper json) {
        this.registry = registry;
        this.segments = segments;
        this.backtests = backtests;
        this.value = value;
        this.json = json;
    }

    /** The persona model in the models listing: which version, and how many personas it has. */
    record PersonaListing(String version, int personas) {
    }

    /** The value model in the models listing: its version ({@code GET /v1/value} has the rest). */
    record ValueListing(String version) {
    }

    void ready(Context ctx) {
        LoadedModels models = registry.current();
        if (models.models().isEmpty()) {
            throw new ApiError(503, "Not ready", "no model is loaded; train one with: propensity train ...");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        models.models().forEach((task, model) -> versions.put(task.id(), model.version()));
        ctx.json(Map.of("status", "ready", "models", versions));
    }

    void models(Context ctx) {
        LoadedModels loaded = registry.current();
        List<Map<String, Object>> list = new ArrayList<>();
        for (PreparedModel model : loaded.models().values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("task", model.task().id());
            entry.put("version", model.version());
            entry.put("created_at", model.bundle().manifest().createdAt().toString());
            // The one card reader, shared with models list.
            CardSummary card = CardSummary.of(model.bundle().card());
            entry.put("family", card.family());
            entry.put("auc", card.auc());
            entry.put("auc_split", card.aucSplit().label());
            entry.put("test_auc", card.testAuc());
            list.add(entry);
        }
        // The persona and value models too (null when absent), so a client learns what exists without a 404.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("models", list);
        body.put("personas", loaded.personas().map(p -> new PersonaListing(p.version(), p.card().personas().size())).orElse(null));
        // Named from its pointer, so a damaged value bundle never breaks the listing of the models that work.
        body.put("value", value.currentVersion().map(ValueListing::new).orElse(null));
        ctx.json(body);
    }

    void modelCard(Context ctx) throws IOException {
        Task task = ScoreHandlers.task(ctx.pathParam("task"));
        ModelBundle bundle = registry.current().bundle(task).orElseThrow(() -> new NotFoundException("no " + task + " model is loaded"));
        String format = ctx.queryParam("format");
        if ("md".equals(format)) {
            ctx.contentType("text/markdown; charset=utf-8").result(Files.readAllBytes(bundle.directory().resolve(BundleFiles.CARD_MARKDOWN)));
        } else if (format == null || format.equals("json")) {
            ctx.contentType("application/json").result(json.writeValueAsBytes(bundle.card()));
        } else {
            throw new InvalidInputException("format must be json or md");
        }
    }

    /** The current persona model's profiles, from its card: what a marketer reads about each persona. */
    void personas(Context ctx) {
        ServedPersonas served = registry.current().personas().orElseThrow(() -> new NotFoundException(
                "no persona model is loaded; fit one with: propensity personas fit --data FILE --id COLUMN"));
        List<Map<String, Object>> personas = new ArrayList<>();
        for (PersonaCard.PersonaProfile profile : served.card().personas()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", profile.id());
            entry.put("name", profile.name());
            entry.put("description", profile.description());
            entry.put("share", profile.share());
            entry.put("distinguishing", profile.distinguishing());
            personas.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", served.version());
        body.put("personas", personas);
        ctx.json(body);
    }

    void backtests(Context ctx) {
        Optional<Task> task = Optional.ofNullable(ctx.queryParam("task")).map(ReadHandlers::queriedTask);
        ctx.json(Map.of("backtests", backtests.list(task).entries()));
    }

    /** A task in a query parameter: an unknown one is a bad request (in a path it is a resource that does not exist). */
    private static Task queriedTask(String text) {
        try {
            return Task.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    void segments(Context ctx) {
        ctx.json(segments.summary(registry.current()));
    }

    void segmentCustomers(Context ctx) {
        LoadedModels models = registry.current();
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidInputException("format must be csv or json");
        }
        Optional<Task> task = Optional.ofNullable(ctx.queryParam("task")).map(ScoreHandlers::task);
        Order order = ctx.queryParam("order") == null ? Order.DESC : Order.parse(ctx.queryParam("order"));
        SegmentLists.ListQuery query = new SegmentLists.ListQuery(integer(ctx, "limit"), integer(ctx, "min_score"), task,
                Optional.ofNullable(ctx.queryParam("sort")), order);
        String segment = ctx.pathParam("name");
        SegmentListWriter writer = format.equals("csv") ? SegmentListWriter.csv(ctx, segment) : SegmentListWriter.json(ctx, json);
        segments.customers(models, segment, query, writer);
        writer.finish();
    }

    private static OptionalInt integer(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }
}
