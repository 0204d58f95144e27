// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.github.propensity.targeting.UpliftFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/target} with {@code uplift}, over hand-written snapshots scored with an uplift model. */
class TargetUpliftEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static TestServer scored;
    static TestServer damaged;
    static List<UpliftFixtures.Customer> customers;
    static String readKey;

    @BeforeAll
    static void start() throws IOException {
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        customers = UpliftFixtures.customers(400, 8);
        UpliftFixtures.snapshot(dir.resolve("scored"), "s1", "spring", customers);
        List<UpliftFixtures.Customer> broken = new ArrayList<>(customers);
        broken.set(9, new UpliftFixtures.Customer("Q", "10", "0.1", "0.4", "maybe"));
        UpliftFixtures.snapshot(dir.resolve("damaged"), "s1", "spring", broken);
        scored = new TestServer(models, dir.resolve("scored"), ApiKeys.load(keys), 1 << 20);
        damaged = new TestServer(models, dir.resolve("damaged"), ApiKeys.load(keys), 1 << 20);
    }

    @AfterAll
    static void stop() {
        scored.close();
        damaged.close();
    }

    private static List<String> fields(HttpResponse<String> response) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        List<String> named = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(error -> named.add(error.get("field").asText()));
        return named;
    }

    @Test
    void ranksByUpliftWithTheUpliftAndGroupOnEachCustomer() throws Exception {
        HttpResponse<String> response = scored.post("/v1/target", "application/json",
                "{\"task\": \"purchase\", \"offer_cost\": 2, \"uplift\": \"spring\", \"budget\": 100, \"limit\": 9}", readKey);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals("uplift", answer.path("summary").path("method").asText());
        assertEquals("wanted", answer.path("summary").path("uplift").path("outcome").asText(), "purchase's own direction");
        List<UpliftFixtures.Valued> expected = UpliftFixtures.bruteForce(customers, 1, 2);
        List<String> ids = new ArrayList<>();
        answer.path("customers").forEach(customer -> ids.add(customer.get("customer_id").asText()));
        assertEquals(expected.subList(0, 9).stream().map(v -> v.customer().id()).toList(), ids);
        JsonNode first = answer.path("customers").get(0);
        assertEquals(first.get("spring_uplift").asDouble() * first.get("clv").asDouble() - 2, first.get("expected_net_value").asDouble(), 1e-9);
        assertEquals(expected.get(0).customer().group(), first.get("spring_group").asText());
        long contacts = Math.min(50, expected.stream().filter(v -> v.netValue() > 0).count());
        assertEquals(contacts, answer.path("summary").path("contacted").path("customers").asLong(), "floor(100 / 2) at most");
        assertEquals(expected.subList(0, (int) contacts).stream().filter(v -> v.customer().group().equals("persuadables")).count(),
                answer.path("summary").path("uplift").path("contacted_by_group").path("persuadables").asLong());

        HttpRequest csv = HttpRequest.newBuilder(scored.uri("/v1/target"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"churn\", \"offer_cost\": 2, \"uplift\": \"spring\", \"uplift_outcome\": \"wanted\"}"))
                .header("Content-Type", "application/json").header("Accept", "text/csv").header("Authorization", "Bearer " + readKey).build();
        List<String> lines = scored.client.send(csv, HttpResponse.BodyHandlers.ofString()).body().lines().toList();
        assertEquals("rank,customer_id,churn_probability,clv,spring_uplift,spring_group,expected_net_value,cumulative_expected_net_value",
                lines.get(0));
        assertEquals(expected.stream().filter(v -> v.netValue() > 0).map(v -> v.customer().id()).toList(),
                lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1]).toList());
    }

    @Test
    void eachBadUpliftSettingIsNamedInOneProblem() throws Exception {
        assertEquals(List.of("uplift"), fields(scored.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"save_rate\": 0.2, \"uplift\": \"spring\"}", readKey)));
        assertEquals(List.of("offer_cost", "uplift_outcome"), fields(scored.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": -1, \"uplift\": \"spring\", \"uplift_outcome\": \"up\"}", readKey)));
        assertEquals(List.of("save_rate", "uplift"), fields(scored.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"uplift\": 7}", readKey)), "a campaign that is no text gives neither method");
        HttpResponse<String> unknown = scored.post("/v1/target", "application/json",
                "{\"task\": \"churn\", \"offer_cost\": 1, \"uplift\": \"autumn\"}", readKey);
        assertEquals(List.of("uplift"), fields(unknown));
        assertTrue(unknown.body().contains("its uplift columns are spring_uplift, spring_group"), unknown.body());
        HttpResponse<String> row = damaged.post("/v1/target", "application/json", "{\"task\": \"churn\", \"offer_cost\": 1, \"uplift\": \"spring\"}", readKey);
        assertEquals(List.of("snapshot"), fields(row));
        assertTrue(row.body().contains("line 11, column 'spring_group'"), row.body());
    }
}
