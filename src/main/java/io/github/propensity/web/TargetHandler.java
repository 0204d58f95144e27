// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.NumericValues;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.TargetingService;
import io.github.propensity.targeting.ContactFiles;
import io.github.propensity.targeting.ContactPlan;
import io.github.propensity.targeting.ContactSink;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/target}: targeting settings in; the summary, the profit curve and the top of the contact list out as
 * JSON, or the list as CSV when the client accepts text/csv.
 */
final class TargetHandler {
    private final ModelRegistry registry;
    private final TargetingService targeting;
    private final ObjectMapper json;

    TargetHandler(ModelRegistry registry, TargetingService targeting, ObjectMapper json) {
        this.registry = registry;
        this.targeting = targeting;
        this.json = json;
    }

    void target(Context ctx) throws IOException {
        byte[] body = JsonBody.of(ctx, "{\"task\": \"churn\", \"offer_cost\": 5, \"save_rate\": 0.2}");
        TargetingService.Query query = targeting.parse(json.readTree(body));
        ContactPlan plan = targeting.plan(registry.current(), query.request());
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(Locale.ROOT);
        if (accept.contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"target-" + query.request().task().id() + ".csv\"");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            ContactFiles.CsvList rows = ContactFiles.csvList(out);
            targeting.writeList(plan, query.limit().orElse(Long.MAX_VALUE), rows);
            rows.flush();
            return;
        }
        List<Map<String, Object>> customers = new ArrayList<>();
        targeting.writeList(plan, query.limit().orElse(TargetingService.DEFAULT_JSON_ROWS), new ContactSink() {
            private List<String> columns;

            @Override
            public void header(List<String> names) {
                columns = names;
            }

            @Override
            public void contact(long rank, String id, String[] cells, double netValue, double cumulativeNetValue) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(columns.get(0), rank);
                row.put(columns.get(1), id);
                for (int i = 0; i < cells.length; i++) {
                    row.put(columns.get(2 + i), cell(cells[i]));
                }
                row.put(columns.get(2 + cells.length), netValue);
                row.put(columns.get(3 + cells.length), cumulativeNetValue);
                customers.add(row);
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", plan.summary());
        answer.put("curve", plan.curve());
        answer.put("customers", customers);
        ctx.json(answer);
    }

    /** A number as a JSON number, a label (an uplift group) as text, an empty cell as null. */
    private static Object cell(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        Double number = NumericValues.parse(cell);
        return number != null ? number : cell;
    }
}
