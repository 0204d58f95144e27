// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.github.propensity.targeting.TargetingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/target} and {@code sort=expected_loss} over hand-written snapshots, with keys on. */
class TargetEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static TestServer withValue;
    static TestServer withoutValue;
    static TestServer noSnapshot;
    static List<TargetingFixtures.Customer> customers;
    static String readKey;
    static String scoreKey;

    @BeforeAll
    static void start() throws IOException {
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        scoreKey = ApiKeys.add(keys, Role.SCORE, "crm");
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        customers = TargetingFixtures.customers(500, 21);
        TargetingFixtures.snapshot(dir.resolve("value-snapshots"), "s1", customers, true);
        TargetingFixtures.snapshot(dir.resolve("plain-snapshots"), "s1", customers, false);
        withValue = new TestServer(models, dir.resolve("value-snapshots"), ApiKeys.load(keys), 1 << 20);
        withoutValue = new TestServer(models, dir.resolve("plain-snapshots"), ApiKeys.load(keys), 1 << 20);
        noSnapshot = new TestServer(models, dir.resolve("no-snapshots"), ApiKeys.load(keys), 1 << 20);
    }

    @AfterAll
    static void stop() {
        withValue.close();
        withoutValue.close();
        noSnapshot.close();
    }

    private static List<String> bestIds(double offerCost, double saveRate, int count) {
        return customers.stream().filter(c -> c.clv() != null && c.churn() * saveRate * c.clv() - offerCost > 0)
                .sorted(Comparator.comparingDouble((TargetingFixtures.Customer c) -> c.churn() * saveRate * c.clv() - offerCost).reversed())
                .limit(count).map(TargetingFixtures.Customer::id).toList();
    }

    private static void assertFields(HttpResponse<String> response, List<String> fields) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(error -> named.add(error.get("field").asText()));
        assertEquals(fields, named, response.body());
        assertEquals(fields.get(0), problem.get("field").asText());
    }

    @Test
    void answersWithTheSummaryTheCurveAndTheTopOfTheList() throws Exception {
        HttpResponse<String> response = withValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 10, \"save_rate\": 0.3, \"budget\": 250, \"limit\": 7}", readKey);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(25, answer.path("summary").path("budget_cutoff").path("customers").asLong(), "floor(250 / 10)");
        assertEquals(Math.min(25, bestIds(10, 0.3, Integer.MAX_VALUE).size()), answer.path("summary").path("contacted").path("customers").asLong());
        assertTrue(answer.path("curve").size() > 50);
        List<String> ids = new ArrayList<>();
        answer.path("customers").forEach(customer -> ids.add(customer.get("customer_id").asText()));
        assertEquals(bestIds(10, 0.3, 7), ids);
        JsonNode first = answer.path("customers").get(0);
        assertEquals(1, first.get("rank").asInt());
        assertEquals(first.get("churn_probability").asDouble() * 0.3 * first.get("clv").asDouble() - 10,
                first.get("expected_net_value").asDouble(), 1e-9);
    }

    @Test
    void sendsTheWholeListAsCsvWhenAsked() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(withValue.uri("/v1/target"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"churn\", \"offer_cost\": 10, \"save_rate\": 0.3}"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .header("Authorization", "Bearer " + readKey).build();
        HttpResponse<String> response = withValue.client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        List<String> lines = response.body().lines().toList();
        assertEquals("rank,customer_id,churn_probability,clv,expected_net_value,cumulative_expected_net_value", lines.get(0));
        assertEquals(bestIds(10, 0.3, Integer.MAX_VALUE), lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1]).toList());
    }

    @Test
    void eachBadFieldIsNamedInOneProblem() throws Exception {
        assertFields(withValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": -1, \"save_rate\": 1.2}", readKey), List.of("offer_cost", "save_rate"));
        assertFields(withValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.5, \"budget\": 10, \"max_customers\": 3}", readKey), List.of("max_customers"));
        assertFields(withValue.post("/v1/target", "application/json", "{}", readKey), List.of("task", "offer_cost", "save_rate"));
        assertFields(withValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": \"five\", \"save_rate\": 0.5, \"limit\": 20000}", readKey), List.of("offer_cost", "limit"));
        assertFields(withValue.post("/v1/target", "application/json",
                "{\"task\": \"conversion\", \"offer_cost\": 1, \"save_rate\": 0.5}", readKey), List.of("task"));
        assertFields(withoutValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.5}", readKey), List.of("snapshot"));
        HttpResponse<String> unknown = withValue.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.5, \"save_rat\": 1}", readKey);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown field 'save_rat'"), unknown.body());
        assertEquals(404, noSnapshot.post("/v1/target", "application/json", "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.5}",
                readKey).statusCode());
        assertEquals(415, withValue.post("/v1/target", "text/plain", "task=churn", readKey).statusCode());
    }

    @Test
    void needsAReadKey() throws Exception {
        String body = "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.5}";
        assertEquals(401, withValue.post("/v1/target", "application/json", body, null).statusCode());
        assertEquals(403, withValue.post("/v1/target", "application/json", body, scoreKey).statusCode());
        assertEquals(200, withValue.post("/v1/target", "application/json", body, readKey).statusCode());
    }

    @Test
    void expectedLossOnASnapshotWithoutClvIsAProblemNamingTheParameter() throws Exception {
        HttpResponse<String> refused = withoutValue.get("/v1/segments/steady/customers?sort=expected_loss&limit=3", readKey);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("sort=expected_loss") && refused.body().contains("no clv"), refused.body());
        HttpResponse<String> ranked = withValue.get("/v1/segments/steady/customers?sort=expected_loss&limit=3&format=json", readKey);
        assertEquals(200, ranked.statusCode(), ranked.body());
        JsonNode first = JSON.readTree(ranked.body()).get("customers").get(0);
        TargetingFixtures.Customer best = customers.stream().filter(c -> c.clv() != null)
                .max(Comparator.comparingDouble(c -> c.churn() * c.clv())).orElseThrow();
        assertEquals(best.churn() * best.clv(), first.get("expected_loss").asDouble(), 0.005);
    }

    @Test
    void theSnapshotsAreLeftAsTheyWere() throws IOException {
        try (var files = Files.list(dir.resolve("value-snapshots").resolve("s1"))) {
            assertEquals(3, files.count(), "scores.csv, manifest.json, segments.json and nothing else");
        }
    }
}
