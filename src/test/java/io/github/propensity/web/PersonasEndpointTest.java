// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.personas.PersonaBundle;
import io.github.propensity.personas.PersonaCard;
import io.github.propensity.personas.PersonaFitter;
import io.github.propensity.personas.PersonaSettings;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.PersonaChoice;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.RescoreSummary;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /v1/personas}, the persona in {@code POST /v1/score} against the snapshot, segment lists, and reloading. */
class PersonasEndpointTest {
    private static final int ROWS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path models;
    static Path base;
    static PersonaBundle bundle;
    static RescoreSummary snapshot;
    static TestServer server;

    static PersonaBundle fit(Path data, Path modelsDir, long seed) {
        PersonaSettings settings = new PersonaSettings(new PersonaSettings.Fixed(4),
                new PersonaSettings.DropColumns(List.of("churned", "purchased_30d", "converted")), "customer_id", seed);
        PersonaStore store = new PersonaStore(modelsDir);
        store.publish(PersonaFitter.fit(data, null, settings, store.current(), Optional.empty(), modelsDir));
        return store.loadCurrent();
    }

    @BeforeAll
    static void start() throws IOException {
        models = dir.resolve("models");
        TestServer.copyModels(models);
        base = dir.resolve("base.csv");
        SampleWriter.write(base, null, ROWS, 31);
        bundle = fit(base, models, 5);
        snapshot = new RescoreJob().run(new RescoreRequest(ScoringInput.of(base, "customer_id"), ModelChoice.everyCurrent(models),
                new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), SegmentPolicy.defaults(), 0.001, 2, List.of(),
                Optional.of(new PersonaChoice(bundle.version(), bundle.model(), PersonaChoice.Selection.FOUND))));
        server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void scoreAnswersCarryTheSnapshotsPersonaAndSegmentForTheSameCustomers() throws Exception {
        CustomerTable input = CustomerTable.read(base, null);
        CustomerTable scores = CustomerTable.read(snapshot.snapshot().resolve("scores.csv"), null);
        List<Map<String, Object>> customers = new ArrayList<>();
        int rows = 40;
        for (int row = 0; row < rows; row++) {
            Map<String, Object> customer = new LinkedHashMap<>();
            for (int c = 0; c < input.header().size(); c++) {
                String value = input.value(row, c);
                customer.put(input.header().get(c), value.isEmpty() ? null : value);
            }
            customers.add(customer);
        }
        HttpResponse<String> arrayResponse = server.post("/v1/score", "application/json", JSON.writeValueAsString(customers), null);
        assertEquals(200, arrayResponse.statusCode(), arrayResponse.body());
        JsonNode array = JSON.readTree(arrayResponse.body());
        JsonNode results = array.isArray() ? array : array.get("results");
        assertEquals(rows, results.size());
        for (int row = 0; row < rows; row++) {
            HttpResponse<String> response = server.post("/v1/score", "application/json", JSON.writeValueAsString(customers.get(row)), null);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode object = JSON.readTree(response.body());
            String where = "row " + row;
            assertEquals(scores.value(row, scores.columnIndex("persona")), object.get("persona").asText(), where);
            assertEquals(scores.value(row, scores.columnIndex("persona_name")), object.get("persona_name").asText(), where);
            assertEquals(scores.value(row, scores.columnIndex("segment")), object.get("segment").asText(), where);
            assertEquals(object.get("persona"), results.get(row).get("persona"), where);
        }
    }

    @Test
    void personasRouteListsTheCardsProfiles() throws Exception {
        HttpResponse<String> response = server.get("/v1/personas", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(bundle.version(), body.get("version").asText());
        List<PersonaCard.PersonaProfile> profiles = bundle.card().personas();
        assertEquals(profiles.size(), body.get("personas").size());
        double shares = 0;
        for (int p = 0; p < profiles.size(); p++) {
            JsonNode persona = body.get("personas").get(p);
            assertEquals(profiles.get(p).id(), persona.get("id").asInt());
            assertEquals(profiles.get(p).name(), persona.get("name").asText());
            assertEquals(profiles.get(p).description(), persona.get("description").asText());
            assertEquals(profiles.get(p).share(), persona.get("share").asDouble(), 0.0);
            assertEquals(profiles.get(p).distinguishing().size(), persona.get("distinguishing").size());
            shares += persona.get("share").asDouble();
        }
        assertEquals(1.0, shares, 1e-9);
    }

    @Test
    void theModelsListingNamesThePersonaModelAndHowManyPersonasItHas() throws Exception {
        HttpResponse<String> response = server.get("/v1/models", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode personas = JSON.readTree(response.body()).get("personas");
        assertEquals(bundle.version(), personas.get("version").asText());
        assertEquals(bundle.card().personas().size(), personas.get("personas").asInt());
    }

    @Test
    void segmentCustomerListsCarryThePersonaColumnsOfTheSnapshot() throws Exception {
        CustomerTable scores = CustomerTable.read(snapshot.snapshot().resolve("scores.csv"), null);
        Map<String, String> personaById = new HashMap<>();
        for (String[] row : scores.rows()) {
            personaById.put(row[0], row[scores.columnIndex("persona")] + "/" + row[scores.columnIndex("persona_name")]);
        }
        String segment = scores.value(0, scores.columnIndex("segment"));
        HttpResponse<String> response = server.get("/v1/segments/" + segment + "/customers", null);
        assertEquals(200, response.statusCode(), response.body());
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(response.body()))) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(snapshot.segmentCounts().get(segment).intValue(), records.size());
            for (CSVRecord record : records) {
                String id = record.get(0);
                assertEquals(personaById.get(id), record.get("persona") + "/" + record.get("persona_name"), id);
            }
        }
    }

    @Test
    void aPromotedPersonaModelIsServedWithoutRestart() throws Exception {
        Path scratch = dir.resolve("reload");
        Files.createDirectories(scratch);
        Path reloadModels = scratch.resolve("models");
        TestServer.copyModels(reloadModels);
        PersonaBundle first = fit(base, reloadModels, 5);
        try (TestServer reloading = new TestServer(reloadModels, scratch.resolve("snapshots"), null, 1 << 20)) {
            assertEquals(first.version(), JSON.readTree(reloading.get("/v1/personas", null).body()).get("version").asText());
            PersonaBundle second = fit(base, reloadModels, 6);
            assertNotEquals(first.version(), second.version());
            reloading.registry.refresh();
            assertEquals(second.version(), JSON.readTree(reloading.get("/v1/personas", null).body()).get("version").asText());
        }
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path emptyModels = empty.resolve("models");
        TestServer.copyModels(emptyModels);
        try (TestServer without = new TestServer(emptyModels, empty.resolve("snapshots"), null, 1 << 20)) {
            HttpResponse<String> missing = without.get("/v1/personas", null);
            assertEquals(404, missing.statusCode(), missing.body());
            assertTrue(missing.body().contains("personas fit"), missing.body());
            HttpResponse<String> scored = without.post("/v1/score", "application/json", "{\"plan\": \"free\"}", null);
            assertEquals(200, scored.statusCode(), scored.body());
            assertTrue(JSON.readTree(scored.body()).path("persona").isMissingNode(), scored.body());
        }
    }
}
