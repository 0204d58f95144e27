// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.model.BundleFiles;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.serving.InvalidInputException;
import io.github.propensity.serving.LoadedModels;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.NotFoundException;
import io.github.propensity.serving.SegmentLists;
import io.github.propensity.model.Task;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read endpoints: readiness, models and cards, segments and their customer lists (streamed). */
final class ReadHandlers {
    private final ModelRegistry registry;
    private final SegmentLists segments;
    private final ObjectMapper json;

    ReadHandlers(ModelRegistry registry, SegmentLists segments, ObjectMapper json) {
        this.registry = registry;
        this.segments = segments;
        this.json = json;
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
        List<Map<String, Object>> list = new ArrayList<>();
        for (PreparedModel model : registry.current().models().values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("task", model.task().id());
            entry.put("version", model.version());
            entry.put("created_at", model.bundle().manifest().createdAt().toString());
            entry.put("family", model.bundle().card().path("model").path("family").asText());
            entry.put("test_auc", model.bundle().card().path("metrics").path("test").path("summary").path("auc").asDouble(Double.NaN));
            list.add(entry);
        }
        ctx.json(Map.of("models", list));
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

    void segments(Context ctx) {
        ctx.json(segments.summary(registry.current()));
    }

    void segmentCustomers(Context ctx) {
        LoadedModels models = registry.current();
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new InvalidInputException("format must be csv or json");
        }
        String taskText = ctx.queryParam("task");
        SegmentLists.ListQuery query = new SegmentLists.ListQuery(integer(ctx, "limit"), integer(ctx, "min_score"),
                taskText == null ? null : ScoreHandlers.task(taskText));
        String segment = ctx.pathParam("name");
        // Validate before the first byte is sent: once streaming starts, the status cannot change.
        segments.summary(models);
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + segment.replaceAll("[^A-Za-z0-9-]", "") + ".csv\"");
        } else {
            ctx.contentType("application/json");
        }
        ListWriter writer = format.equals("csv") ? new CsvListWriter(ctx) : new JsonListWriter(ctx, json);
        segments.customers(models, segment, query, writer);
        writer.finish();
    }

    private static Integer integer(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number");
        }
    }

    /** Streams list rows straight to the response. */
    private interface ListWriter extends SegmentLists.RowSink {
        void finish();
    }

    private static final class CsvListWriter implements ListWriter {
        private final Context ctx;
        private CSVPrinter printer;

        CsvListWriter(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public void header(List<String> columns) {
            try {
                Writer writer = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                printer.printRecord(columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(String[] values) {
            try {
                printer.printRecord((Object[]) values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                if (printer != null) {
                    printer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class JsonListWriter implements ListWriter {
        private final Context ctx;
        private final ObjectMapper json;
        private JsonGenerator generator;
        private List<String> columns;

        JsonListWriter(Context ctx, ObjectMapper json) {
            this.ctx = ctx;
            this.json = json;
        }

        @Override
        public void header(List<String> columns) {
            this.columns = columns;
            try {
                generator = json.getFactory().createGenerator(ctx.outputStream());
                generator.writeStartObject();
                generator.writeArrayFieldStart("customers");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(String[] values) {
            try {
                generator.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    generator.writeStringField(columns.get(i), values[i]);
                }
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                if (generator != null) {
                    generator.writeEndArray();
                    generator.writeEndObject();
                    generator.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
