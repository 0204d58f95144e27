// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.model.Task;
import io.javalin.router.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/** Every endpoint over real HTTP, with the committed sample models and a snapshot of the shipped sample. */
class ApiServerTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Kept input columns: text, and numbers with empty cells. */
    static final List<String> KEPT = List.of("plan", "avg_order_value", "nps_score");

    @BeforeAll
    static void start() throws IOException {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        new RescoreJob().run(RescoreRequest.withDefaults(new ScoringInput(Path.of("training-data", "customers.csv"), null, "customer_id", KEPT),
                models, new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), 2));
        server = new TestServer(models, dir.resolve("snapshots"), null, 64 * 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailFragment) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.headers().toString());
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(detailFragment), problem.toString());
    }

    @Test
    void healthReadyAndModels() throws Exception {
        assertEquals(200, server.get("/health", null).statusCode());
        JsonNode ready = json(server.get("/ready", null));
        assertEquals("ready", ready.get("status").asText());
        assertEquals(3, ready.get("models").size());
        JsonNode models = json(server.get("/v1/models", null));
        assertEquals(3, models.get("models").size());
        JsonNode card = json(server.get("/v1/models/churn", null));
        assertEquals("churn", card.get("task").asText());
        HttpResponse<String> markdown = server.get("/v1/models/churn?format=md", null);
        assertTrue(markdown.body().startsWith("# churn model"), markdown.body());
        assertProblem(server.get("/v1/models/retention", null), 404, "unknown task");
    }

    @Test
    void everyPathScoresTheSameRowsIdentically() throws Exception {
        // Batch (score --out), one JSON object, a JSON array, a CSV body and all tasks at once: one implementation.
        int rows = 25;
        Path out = dir.resolve("exports").resolve("scores.csv");
        new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(Path.of("training-data", "customers.csv"), "customer_id"),
                dir.resolve("models"), new ScoresDestination.File(out), 2));
        CustomerTable batch = CustomerTable.read(out, null);
        CustomerTable sample = CustomerTable.read(Path.of("training-data", "customers.csv"), null);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            Map<String, Object> customer = new LinkedHashMap<>();
            for (int c = 0; c < sample.header().size(); c++) {
                String value = sample.value(row, c);
                customer.put(sample.header().get(c), value.isEmpty() ? null : value);
            }
            customers.add(customer);
        }
        String csvBody = String.join("\n", Files.readAllLines(Path.of("training-data", "customers.csv")).subList(0, rows + 1));
        JsonNode allTasks = json(server.post("/v1/score", "application/json", JSON.writeValueAsString(customers), null)).get("results");
        ModelStore store = new ModelStore(dir.resolve("models"));
        for (Task task : Task.values()) {
            ModelBundle bundle = store.loadCurrent(task);
            double[] quantiles = bundle.reference().quantiles();
            String t = task.id();
            JsonNode array = json(server.post("/v1/score/" + t, "application/json", JSON.writeValueAsString(customers), null)).get("results");
            JsonNode csv = json(server.post("/v1/score/" + t, "text/csv", csvBody, null)).get("results");
            assertEquals(rows, array.size());
            assertEquals(rows, csv.size());
            for (int row = 0; row < rows; row++) {
                JsonNode object = json(server.post("/v1/score/" + t, "application/json", JSON.writeValueAsString(customers.get(row)), null));
                String where = t + " row " + row;
                for (JsonNode other : List.of(array.get(row), csv.get(row), allTasks.get(row).get("scores").get(t))) {
                    for (String field : List.of("probability", "score", "percentile", "band", "reasons")) {
                        assertEquals(object.get(field), other.get(field), where + " " + field);
                    }
                }
                assertEquals(bundle.version(), object.get("model_version").asText(), where);
                double probability = object.get("probability").asDouble();
                assertEquals(Double.parseDouble(batch.value(row, batch.columnIndex(t + "_probability"))), probability, 5e-7, where);
                assertEquals(Long.parseLong(batch.value(row, batch.columnIndex(t + "_score"))), object.get("score").asLong(), where);
                assertEquals(Math.round(probability * 100), object.get("score").asLong(), where);
                assertEquals(batch.value(row, batch.columnIndex(t + "_band")), object.get("band").asText(), where);
                List<String> batchReasons = new ArrayList<>();
                for (int r = 1; r <= 3; r++) {
                    String reason = batch.value(row, batch.columnIndex(t + "_reason_" + r));
                    if (!reason.isEmpty()) {
                        batchReasons.add(reason);
                    }
                }
                assertEquals(batchReasons, JSON.convertValue(object.get("reasons"), List.class), where);
                assertEquals(referencePercentile(quantiles, probability), object.get("percentile").asDouble(), 1e-9, where);
            }
        }
    }

    /** The share of reference quantiles (0.1 % steps) at or below a probability, counted directly. */
    private static double referencePercentile(double[] quantiles, double probability) {
        int atOrBelow = 0;
        for (double quantile : quantiles) {
            if (quantile <= probability) {
                atOrBelow++;
            }
        }
        return Math.max(0, atOrBelow - 1) / 10.0;
    }

    @Test
    void scoresArraysCsvBodiesAndAllTasksAtOnce() throws Exception {
        String customers = "[{\"customer_id\": \"A\", \"tenure_days\": 40, \"plan\": \"free\"}, {\"customer_id\": \"B\", \"days_since_last_login\": 90}]";
        JsonNode array = json(server.post("/v1/score/purchase?id=customer_id", "application/json", customers, null));
        assertEquals(2, array.get("results").size());
        assertEquals("B", array.get("results").get(1).get("id").asText());

        List<String> lines = Files.readAllLines(Path.of("training-data", "customers.csv")).subList(0, 4);
        JsonNode csv = json(server.post("/v1/score/conversion?id=customer_id", "text/csv; charset=utf-8", String.join("\n", lines), null));
        assertEquals(3, csv.get("results").size());
        assertEquals("C0000001", csv.get("results").get(0).get("id").asText());

        JsonNode all = json(server.post("/v1/score", "application/json", "{\"plan\": \"premium\", \"auto_renew\": true}", null));
        assertTrue(SegmentPolicy.defaults().names().contains(all.get("segment").asText()));
        assertEquals(3, all.get("scores").size());
    }

    @Test
    void badInputGetsProblemsThatNameTheField() throws Exception {
        assertProblem(server.post("/v1/score/churn", "application/json", "{\"tenure_days\": \"long\"}", null), 400, "'tenure_days'");
        assertProblem(server.post("/v1/score/churn", "application/json", "{\"plan\": [\"free\"]}", null), 400, "'plan'");
        assertProblem(server.post("/v1/score/churn", "application/json", "{\"auto_renew\": \"maybe\"}", null), 400, "'auto_renew'");
        assertProblem(server.post("/v1/score/churn", "application/json", "{\"tenure_days\": 1", null), 400, "not valid JSON");
        assertProblem(server.post("/v1/score/churn", "application/json", "", null), 400, "empty");
        assertProblem(server.post("/v1/score/churn", "application/json", "[1, 2]", null), 400, "customer 0");
        assertProblem(server.post("/v1/score/churn", "text/csv", "a,b\n1,2\n", null), 400, "missing feature columns");
        assertProblem(server.post("/v1/score/churn", "text/plain", "hello", null), 415, "application/json");
        assertProblem(server.post("/v1/score/churn", null, "{}", null), 415, "Content-Type");
        assertProblem(server.post("/v1/score/nope", "application/json", "{}", null), 404, "unknown task");
        assertProblem(server.get("/v1/nothing", null), 404, "");
        assertProblem(server.post("/v1/score/churn", "application/json", "[" + "{\"x\": 1},".repeat(20_000) + "{}]", null), 413, "limit");
    }

    @Test
    void segmentsAndTheirCustomerListsStream() throws Exception {
        JsonNode segments = json(server.get("/v1/segments", null));
        assertEquals(5000, segments.get("customers").asInt());
        long total = 0;
        for (Iterator<JsonNode> it = segments.get("segments").elements(); it.hasNext(); ) {
            total += it.next().asLong();
        }
        assertEquals(5000, total);
        HttpResponse<String> csv = server.get("/v1/segments/at-risk/customers?limit=10", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertEquals(11, rows.size(), "header and ten customers");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",at-risk,")));
        JsonNode list = json(server.get("/v1/segments/at-risk/customers?format=json&task=churn&min_score=60", null));
        for (JsonNode customer : list.get("customers")) {
            assertTrue(customer.get("churn_score").asInt() >= 60);
        }
        assertProblem(server.get("/v1/segments/champions/customers", null), 404, "no segment 'champions'");
        assertProblem(server.get("/v1/segments/at-risk/customers?limit=many", null), 400, "limit");
        assertProblem(server.get("/v1/segments/at-risk/customers?min_score=50", null), 400, "needs task");
    }

    /** The segment's rows of the snapshot's scores file, highest {@code column} first, ties in file order. */
    private static List<String[]> ranked(String segment, String column, boolean descending) throws IOException {
        CustomerTable scores = CustomerTable.read(scoresFile(), null);
        int segmentColumn = scores.columnIndex("segment");
        int valueColumn = scores.columnIndex(column);
        Comparator<String[]> byValue = Comparator.comparingDouble(row -> Double.parseDouble(row[valueColumn]));
        return scores.rows().stream().filter(row -> row[segmentColumn].equals(segment))
                .sorted(descending ? byValue.reversed() : byValue).toList();
    }

    private static Path scoresFile() throws IOException {
        try (Stream<Path> snapshots = Files.list(dir.resolve("snapshots"))) {
            return snapshots.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p))
                    .findFirst().orElseThrow().resolve("scores.csv");
        }
    }

    private static List<String> ids(List<String[]> rows) {
        return rows.stream().map(row -> row[0]).toList();
    }

    private static List<String> csvIds(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    @Test
    void segmentListsComeMostAtRiskFirstAndALimitTakesTheTop() throws Exception {
        List<String> expected = ids(ranked("at-risk", "churn_probability", true));
        assertTrue(expected.size() > 100, "the sample has enough at-risk customers: " + expected.size());
        assertEquals(expected, csvIds(server.get("/v1/segments/at-risk/customers", null)), "the whole segment, ranked");
        assertEquals(expected.subList(0, 100), csvIds(server.get("/v1/segments/at-risk/customers?limit=100", null)));
        assertEquals(ids(ranked("ready-to-buy", "purchase_probability", true)).subList(0, 20),
                csvIds(server.get("/v1/segments/ready-to-buy/customers?limit=20", null)), "ranked by the segment's own task");
        assertEquals(ids(ranked("steady", "churn_probability", true)).subList(0, 20),
                csvIds(server.get("/v1/segments/steady/customers?limit=20", null)), "the catch-all: the first task scored");
    }

    @Test
    void segmentListsSortByAnotherNumericColumnInEitherOrder() throws Exception {
        assertEquals(ids(ranked("at-risk", "purchase_probability", true)).subList(0, 30),
                csvIds(server.get("/v1/segments/at-risk/customers?sort=purchase_probability&limit=30", null)));
        assertEquals(ids(ranked("at-risk", "churn_probability", false)).subList(0, 30),
                csvIds(server.get("/v1/segments/at-risk/customers?order=asc&limit=30", null)));
        HttpResponse<String> refused = server.get("/v1/segments/at-risk/customers?sort=churn_band", null);
        assertProblem(refused, 400, "numeric column");
        assertTrue(refused.headers().firstValue("Content-Disposition").isEmpty(), "a refusal is not offered as a download");
        assertProblem(server.get("/v1/segments/at-risk/customers?sort=lifetime", null), 400, "not 'lifetime'");
        assertProblem(server.get("/v1/segments/at-risk/customers?order=up", null), 400, "desc or asc");
    }

    @Test
    void jsonListsWriteNumbersAsNumbersTextAsTextAndEmptyAsNull() throws Exception {
        JsonNode customers = json(server.get("/v1/segments/at-risk/customers?format=json", null)).get("customers");
        assertEquals(ranked("at-risk", "churn_probability", true).size(), customers.size());
        boolean sawEmpty = false;
        for (JsonNode customer : customers) {
            assertTrue(customer.get("customer_id").isTextual() && customer.get("segment").isTextual(), customer.toString());
            assertTrue(customer.get("churn_probability").isNumber() && customer.get("churn_percentile").isNumber(), customer.toString());
            assertTrue(customer.get("churn_score").isIntegralNumber(), customer.toString());
            assertTrue(customer.get("churn_band").isTextual() && customer.get("churn_reason_1").isTextual(), customer.toString());
            assertTrue(customer.get("plan").isTextual(), customer.toString());
            for (String kept : List.of("avg_order_value", "nps_score")) {
                assertTrue(customer.get(kept).isNumber() || customer.get(kept).isNull(), customer.toString());
                sawEmpty |= customer.get(kept).isNull();
            }
        }
        assertTrue(sawEmpty, "the sample has customers without an NPS score");
        JsonNode first = customers.get(0);
        String[] top = ranked("at-risk", "churn_probability", true).get(0);
        assertEquals(top[0], first.get("customer_id").asText());
        CustomerTable scores = CustomerTable.read(scoresFile(), null);
        assertEquals(Double.parseDouble(top[scores.columnIndex("churn_probability")]), first.get("churn_probability").doubleValue());
    }

    @Test
    void everyRouteRefusesAQueryParameterItDoesNotTake() throws Exception {
        for (Endpoint route : server.routes()) {
            String path = route.path.replaceAll("\\{[^}]+}", "x") + "?colour=blue";
            HttpResponse<String> response = server.send(route.method.name(), path, null);
            assertProblem(response, 400, "unknown query parameter 'colour'");
        }
        assertProblem(server.get("/v1/segments/at-risk/customers?sort=churn_probability&limti=10", null), 400, "'limti'");
        JsonNode document = json(server.get("/openapi.json", null));
        for (Endpoint route : server.routes()) {
            JsonNode operation = document.get("paths").get(route.path).get(route.method.name().toLowerCase(Locale.ROOT));
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.get("in").asText().equals("query")) {
                    String path = route.path.replaceAll("\\{[^}]+}", "x") + "?" + parameter.get("name").asText() + "=zz";
                    HttpResponse<String> response = server.send(route.method.name(), path, null);
                    assertTrue(!response.body().contains("unknown query parameter"), "documented but refused: " + path);
                }
            }
        }
        assertProblem(server.get("/v1/models/churn?format=json&verbose=1", null), 400, "this endpoint takes format");
    }

    @Test
    void metricsCountRequestsPerRouteAndScoresPerTask() throws Exception {
        server.post("/v1/score/churn", "application/json", "{}", null);
        String metrics = server.get("/metrics", null).body();
        assertTrue(metrics.contains("http_server_requests_seconds_bucket"), "latency histogram");
        assertTrue(metrics.contains("route=\"/v1/score/{task}\""), "per route template");
        assertTrue(metrics.contains("propensity_scores_total{task=\"churn\"}"), metrics);
        assertTrue(metrics.contains("propensity_model_info{task=\"churn\""), "model versions");
        assertTrue(metrics.contains("propensity_model_refresh_failures_total 0.0"), "failed model checks");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() throws Exception {
        JsonNode document = json(server.get("/openapi.json", null));
        assertEquals("3.0.3", document.get("openapi").asText());
        List<Endpoint> routes = server.routes();
        assertTrue(routes.size() >= 11, "the registered routes: " + routes.size());
        for (Endpoint route : routes) {
            JsonNode path = document.get("paths").get(route.path);
            assertTrue(path != null && path.has(route.method.name().toLowerCase(Locale.ROOT)),
                    route.method + " " + route.path + " is not in openapi.json");
        }
        assertEquals(routes.size(), countOperations(document));
    }

    private static int countOperations(JsonNode document) {
        int operations = 0;
        for (Iterator<JsonNode> paths = document.get("paths").elements(); paths.hasNext(); ) {
            operations += paths.next().size();
        }
        return operations;
    }
}
