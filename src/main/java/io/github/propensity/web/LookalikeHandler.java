// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.lookalike.Audience;
import io.github.propensity.serving.InvalidInputException;
import io.github.propensity.serving.LookalikeService;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code POST /v1/lookalike}: seed ids in, the audience out as JSON (with its quality card) or CSV. */
final class LookalikeHandler {
    private final LookalikeService lookalikes;
    private final ObjectMapper json;

    LookalikeHandler(LookalikeService lookalikes, ObjectMapper json) {
        this.lookalikes = lookalikes;
        this.json = json;
    }

    void build(Context ctx) throws IOException {
        byte[] body = JsonBody.of(ctx, "{\"seed\": [ids], \"size\": \"5%\"}");
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format must be json or csv");
        }
        Audience audience = lookalikes.build(json.readTree(body));
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            audience.writeCsv(out);
            return;
        }
        ctx.contentType("application/json");
        try (JsonGenerator out = json.getFactory().createGenerator(ctx.outputStream())) {
            out.writeStartObject();
            out.writeFieldName("card");
            json.writeValue(out, audience.card());
            out.writeArrayFieldStart("customers");
            List<String> header = audience.header();
            for (List<String> row : audience.rows()) {
                out.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    out.writeStringField(header.get(i), row.get(i));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
