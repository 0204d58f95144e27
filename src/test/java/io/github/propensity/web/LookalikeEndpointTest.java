// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code POST /v1/lookalike} over the shipped sample as the pool. */
class LookalikeEndpointTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static List<String> seed = new ArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path pool = Path.of("training-data", "customers.csv");
        CustomerTable table = CustomerTable.read(pool, null);
        for (String[] row : table.rows()) {
            if (row[table.columnIndex("plan")].equals("premium") && seed.size() < 150) {
                seed.add(row[0]);
            }
        }
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20, pool);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void buildsAnAudienceWithItsQualityCard() throws Exception {
        String body = JSON.writeValueAsString(Map.of("seed", seed, "size", "200", "suppress", List.of("C0000001")));
        HttpResponse<String> response = server.post("/v1/lookalike", "application/json", body, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertEquals(200, result.get("customers").size());
        assertEquals(150, result.get("card").get("seed_matched").asInt());
        Set<String> seedIds = new HashSet<>(seed);
        for (JsonNode customer : result.get("customers")) {
            String id = customer.get("customer_id").asText();
            assertFalse(seedIds.contains(id) || id.equals("C0000001"), id);
        }
        HttpResponse<String> csv = server.post("/v1/lookalike?format=csv", "application/json", body, null);
        assertTrue(csv.body().startsWith("customer_id,rank,similarity"), csv.body());
        assertEquals(201, csv.body().lines().count());
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        HttpResponse<String> small = server.post("/v1/lookalike", "application/json", "{\"seed\": [\"C0000005\", \"C0000006\"], \"size\": \"5%\"}", null);
        assertEquals(400, small.statusCode(), small.body());
        assertTrue(small.body().contains("only 2 seed members"), small.body());
        assertEquals(400, server.post("/v1/lookalike", "application/json", "{\"seed\": \"C1\"}", null).statusCode());
        assertEquals(400, server.post("/v1/lookalike", "application/json", "{\"seed\": [\"C1\"], \"size\": \"lots\"}", null).statusCode());
        assertEquals(415, server.post("/v1/lookalike", "text/csv", "customer_id\nC1", null).statusCode());
    }

    @Test
    void aSettingThatCannotWorkIsAProblemNamingItsJsonField() throws Exception {
        HttpResponse<String> small = server.post("/v1/lookalike", "application/json", "{\"seed\": [\"C0000005\", \"C0000006\"], \"size\": \"5%\"}", null);
        assertEquals(400, small.statusCode(), small.body());
        assertEquals("application/problem+json", small.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(small.body());
        assertEquals("min_seed", problem.get("field").asText());
        assertTrue(problem.get("detail").asText().endsWith("(min_seed)"), problem.get("detail").asText());
        assertFalse(small.body().contains("--"), "no command-line flag in an API answer: " + small.body());
        HttpResponse<String> size = server.post("/v1/lookalike", "application/json", "{\"seed\": [\"C1\"], \"size\": \"lots\"}", null);
        assertEquals("size", JSON.readTree(size.body()).get("field").asText());
        HttpResponse<String> export = server.post("/v1/lookalike", "application/json",
                "{\"seed\": [\"C1\"], \"size\": \"5%\", \"export\": \"fax\"}", null);
        assertEquals("export", JSON.readTree(export.body()).get("field").asText());
    }

    @Test
    void answersWithoutWritingAnyFile() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> tmpBefore = listing(tmp);
        Set<String> dirBefore = tree(dir);
        String body = JSON.writeValueAsString(Map.of("seed", seed, "size", "100"));
        assertEquals(200, server.post("/v1/lookalike", "application/json", body, null).statusCode());
        assertEquals(200, server.post("/v1/lookalike?format=csv", "application/json", body, null).statusCode());
        // The machine's temporary directory is shared with other processes: look only for what this service could add.
        Set<String> added = new HashSet<>(listing(tmp));
        added.removeAll(tmpBefore);
        assertTrue(added.stream().noneMatch(name -> name.contains("lookalike") || name.contains("propensity")), added.toString());
        assertEquals(dirBefore, tree(dir), "the server's folders are unchanged");
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(Path::toString).collect(Collectors.toSet());
        }
    }

    private static Set<String> tree(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.map(path -> path + " " + path.toFile().length()).collect(Collectors.toSet());
        }
    }
}
