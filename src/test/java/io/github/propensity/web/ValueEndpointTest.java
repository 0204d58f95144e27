// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.model.Task;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.github.propensity.value.ValueFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/value}, {@code GET /v1/snapshots/{id}/value} and the persona and value entries of {@code GET
 * /v1/models}, over a value model whose reference CLVs are 0, 1, ..., 1000 (so the CLV at percentile p is 10p) and a
 * base whose CLVs are written here, so every band count is counted by hand below.
 */
class ValueEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 600;
    private static final int TOP_CLV = 1000;

    @TempDir
    static Path dir;
    static Path models;
    static String valueVersion;
    static String bandedSnapshot;
    static String plainSnapshot;
    static TestServer server;
    static String readKey;
    static String scoreKey;

    @BeforeAll
    static void start() throws IOException {
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        scoreKey = ApiKeys.add(keys, Role.SCORE, "crm");
        models = dir.resolve("models");
        TestServer.copyModels(models);
        Path snapshots = dir.resolve("snapshots");
        Path base = BacktestFixtures.base(dir.resolve("base.csv"), ROWS, 17);
        plainSnapshot = BacktestFixtures.rescore(base, models, snapshots, List.of(Task.CHURN)).getFileName().toString();
        valueVersion = ValueFixtures.publishValueModel(models, 365, TOP_CLV);
        bandedSnapshot = BacktestFixtures.rescore(withClv(base, dir.resolve("base-with-clv.csv")), models, snapshots, List.of(Task.CHURN))
                .getFileName().toString();
        server = new TestServer(models, snapshots, ApiKeys.load(keys), 1 << 20);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The CLV of the customer on data row {@code row}: empty on every 40th, otherwise 0 to 1199 in steps of 7. */
    private static String clv(int row) {
        return row % 40 == 3 ? "" : String.valueOf((row * 7) % 1200);
    }

    private static Path withClv(Path base, Path target) throws IOException {
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",clv_365d");
        for (int row = 1; row < lines.size(); row++) {
            out.add(lines.get(row) + "," + clv(row - 1));
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.headers().toString());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
    }

    @Test
    void servesTheCurrentValueModelWithItsReferencePercentiles() throws Exception {
        JsonNode value = ok(server.get("/v1/value", readKey));
        assertEquals(valueVersion, value.get("version").asText());
        assertEquals(365, value.get("horizon_days").asInt());
        assertEquals("clv_365d", value.get("clv_column").asText());
        JsonNode percentiles = value.get("clv_percentiles");
        assertEquals(101, percentiles.size());
        for (int p = 0; p <= 100; p++) {
            // Reference CLVs 0..1000: 1001 values, so percentile p sits exactly on the value p * 1000 / 100.
            assertEquals(p * TOP_CLV / 100.0, percentiles.get(p).asDouble(), 1e-9, "percentile " + p);
        }
        assertTrue(value.get("card").isObject(), "the card as published");
    }

    @Test
    void countsASnapshotsCustomersPerValueBandAtTheReferenceCutoffs() throws Exception {
        JsonNode bands = ok(server.get("/v1/snapshots/" + bandedSnapshot + "/value", readKey));
        assertEquals(bandedSnapshot, bands.get("snapshot").asText());
        assertEquals("clv_365d", bands.get("clv_column").asText());
        assertEquals(valueVersion, bands.get("value_model").asText());
        assertEquals(50, bands.get("value_band_cutoffs").get("medium_percentile").asInt());
        assertEquals(80, bands.get("value_band_cutoffs").get("high_percentile").asInt());
        // The default cut-offs, the 50th and 80th percentiles of 0..1000: medium from 500, high from 800.
        assertEquals(500.0, bands.get("clv_thresholds").get("medium").asDouble(), 1e-9);
        assertEquals(800.0, bands.get("clv_thresholds").get("high").asDouble(), 1e-9);
        long low = 0;
        long medium = 0;
        long high = 0;
        long without = 0;
        for (int row = 0; row < ROWS; row++) {
            String cell = clv(row);
            if (cell.isEmpty()) {
                without++;
            } else if (Integer.parseInt(cell) >= 800) {
                high++;
            } else if (Integer.parseInt(cell) >= 500) {
                medium++;
            } else {
                low++;
            }
        }
        assertEquals(low, bands.get("customers").get("low").asLong());
        assertEquals(medium, bands.get("customers").get("medium").asLong());
        assertEquals(high, bands.get("customers").get("high").asLong());
        assertEquals(without, bands.get("customers_without_clv").asLong());
        assertTrue(bands.get("unbanded_reason").isNull());
    }

    @Test
    void saysWhyASnapshotWithoutClvHasNoValueBands() throws Exception {
        JsonNode bands = ok(server.get("/v1/snapshots/" + plainSnapshot + "/value", readKey));
        assertTrue(bands.get("clv_column").isNull());
        assertTrue(bands.get("value_band_cutoffs").isNull());
        assertEquals(0, bands.get("customers").size());
        assertTrue(bands.get("unbanded_reason").asText().contains("no clv_<days>d column"), bands.toString());
    }

    @Test
    void listsThePersonaAndValueModelsBesideTheTaskModels() throws Exception {
        JsonNode listing = ok(server.get("/v1/models", readKey));
        assertEquals(valueVersion, listing.get("value").get("version").asText());
        assertTrue(listing.get("personas").isNull(), "no persona model here");
        assertEquals(3, listing.get("models").size());
    }

    @Test
    void anUnknownSnapshotIsANotFoundProblem() throws Exception {
        assertProblem(server.get("/v1/snapshots/20200101T000000Z/value", readKey), 404, "no snapshot '20200101T000000Z'");
    }

    @Test
    void noValueModelIsANotFoundProblemAndTheListingSaysNull() throws Exception {
        Path bare = dir.resolve("models-without-value");
        TestServer.copyModels(bare);
        try (TestServer plain = new TestServer(bare, dir.resolve("no-snapshots"), null, 1 << 20)) {
            assertProblem(plain.get("/v1/value", null), 404, "propensity value fit");
            assertTrue(ok(plain.get("/v1/models", null)).get("value").isNull());
        }
    }

    @Test
    void aDamagedValueModelIsAnUnavailableProblemWhileTheListingStillAnswers() throws Exception {
        Path damaged = dir.resolve("models-damaged-value");
        TestServer.copyModels(damaged);
        String version = ValueFixtures.publishValueModel(damaged, 365, TOP_CLV);
        Files.writeString(damaged.resolve("value").resolve(version).resolve("value.json"), "{\"truncated\":");
        try (TestServer plain = new TestServer(damaged, dir.resolve("no-snapshots"), null, 1 << 20)) {
            HttpResponse<String> response = plain.get("/v1/value", null);
            assertProblem(response, 503, "cannot be read");
            assertTrue(!response.body().contains(damaged.toString()), "no server path in the answer: " + response.body());
            assertEquals(version, ok(plain.get("/v1/models", null)).get("value").get("version").asText());
        }
    }

    @Test
    void needsAKeyThatMayRead() throws Exception {
        for (String path : List.of("/v1/value", "/v1/snapshots/" + bandedSnapshot + "/value")) {
            assertProblem(server.get(path, null), 401, "");
            assertProblem(server.get(path, scoreKey), 403, "");
            assertEquals(200, server.get(path, readKey).statusCode(), path);
        }
    }
}
