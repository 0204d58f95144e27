// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.scoring.CampaignModel;
import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.RescoreSummary;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftFixtures;
import io.github.propensity.uplift.UpliftStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/uplift/{campaign}} against the snapshot of the same customers, reloading, and lists sorted by uplift. */
class UpliftEndpointTest {
    private static final String CAMPAIGN = "winback-email";
    private static final int ROWS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path models;
    static Path base;
    static UpliftBundle bundle;
    static RescoreSummary snapshot;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        models = dir.resolve("models");
        TestServer.copyModels(models);
        base = dir.resolve("base.csv");
        SampleWriter.write(base, null, ROWS, 31);
        bundle = UpliftFixtures.publishFromBase(base, models, CAMPAIGN, 9);
        snapshot = new RescoreJob().run(new RescoreRequest(ScoringInput.of(base, "customer_id"), ModelChoice.everyCurrent(models),
                new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), SegmentPolicy.defaults(), 0.001, 2,
                List.of(new CampaignModel(CAMPAIGN, bundle.version(), bundle.model(), CampaignModel.Selection.FOUND))));
        server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Map<String, Object>> customers(CustomerTable input, int rows) {
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            Map<String, Object> customer = new LinkedHashMap<>();
            for (int c = 0; c < input.header().size(); c++) {
                String value = input.value(row, c);
                customer.put(input.header().get(c), value.isEmpty() ? null : value);
            }
            customers.add(customer);
        }
        return customers;
    }

    @Test
    void answersEqualTheSnapshotForTheSameCustomers() throws Exception {
        CustomerTable input = CustomerTable.read(base, null);
        CustomerTable scores = CustomerTable.read(snapshot.snapshot().resolve("scores.csv"), null);
        int rows = 30;
        List<Map<String, Object>> customers = customers(input, rows);
        HttpResponse<String> arrayResponse = server.post("/v1/uplift/" + CAMPAIGN + "?id=customer_id", "application/json",
                JSON.writeValueAsString(customers), null);
        assertEquals(200, arrayResponse.statusCode(), arrayResponse.body());
        JsonNode array = JSON.readTree(arrayResponse.body()).get("results");
        assertEquals(rows, array.size());
        UpliftModel model = bundle.model();
        FeatureEncoder encoder = model.encoder();
        FeatureEncoder.HeaderBinding binding = encoder.bind(input.header());
        for (int row = 0; row < rows; row++) {
            HttpResponse<String> response = server.post("/v1/uplift/" + CAMPAIGN, "application/json", JSON.writeValueAsString(customers.get(row)), null);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode object = JSON.readTree(response.body());
            String where = "row " + row;
            assertEquals(input.value(row, 0), array.get(row).get("id").asText(), where);
            for (String field : List.of("campaign", "uplift", "group", "control_response", "model_version")) {
                assertEquals(object.get(field), array.get(row).get(field), where + " " + field);
            }
            assertEquals(CAMPAIGN, object.get("campaign").asText());
            assertEquals(bundle.version(), object.get("model_version").asText());
            assertEquals(Double.parseDouble(scores.value(row, scores.columnIndex(CAMPAIGN + "_uplift"))), object.get("uplift").asDouble(), 5e-7, where);
            assertEquals(scores.value(row, scores.columnIndex(CAMPAIGN + "_group")), object.get("group").asText(), where);
            double[] encoded = encoder.encode(input.rows().get(row), binding);
            assertEquals(model.controlResponse(encoded), object.get("control_response").asDouble(), 0.0, where);
        }
    }

    @Test
    void anUnknownCampaignIsNotFoundAndABadValueNamesTheCustomerAndField() throws Exception {
        HttpResponse<String> missing = server.post("/v1/uplift/spring-sale", "application/json", "{\"plan\": \"free\"}", null);
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(JSON.readTree(missing.body()).get("detail").asText().contains("'spring-sale'"), missing.body());
        HttpResponse<String> bad = server.post("/v1/uplift/" + CAMPAIGN, "application/json",
                "[{\"tenure_days\": 10}, {\"tenure_days\": \"ten\"}]", null);
        assertEquals(400, bad.statusCode(), bad.body());
        String detail = JSON.readTree(bad.body()).get("detail").asText();
        assertTrue(detail.contains("customer 1") && detail.contains("tenure_days"), detail);
        HttpResponse<String> csv = server.post("/v1/uplift/" + CAMPAIGN, "text/csv", "plan\nfree\n", null);
        assertEquals(415, csv.statusCode(), csv.body());
    }

    @Test
    void segmentListsSortByACampaignsUplift() throws Exception {
        String segment = "steady";
        long customers = snapshot.segmentCounts().get(segment);
        for (String order : List.of("desc", "asc")) {
            HttpResponse<String> response = server.get("/v1/segments/" + segment + "/customers?sort=" + CAMPAIGN + "_uplift&order=" + order, null);
            assertEquals(200, response.statusCode(), response.body());
            List<String> lines = response.body().lines().toList();
            int column = List.of(lines.get(0).split(",")).indexOf(CAMPAIGN + "_uplift");
            assertTrue(column > 0, lines.get(0));
            assertEquals(customers, lines.size() - 1);
            double previous = order.equals("desc") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (String line : lines.subList(1, lines.size())) {
                // The cells before the uplift hold no quoted commas in this base's columns but reasons may: read from the end.
                String[] cells = line.split(",", -1);
                double uplift = Double.parseDouble(cells[cells.length - (lines.get(0).split(",").length - column)]);
                assertTrue(order.equals("desc") ? uplift <= previous : uplift >= previous, order + ": " + uplift + " after " + previous);
                previous = uplift;
            }
        }
    }

    @Test
    void aPromotedVersionIsServedWithoutRestartAndABrokenOneLeavesTheOldServing() throws Exception {
        Path scratch = dir.resolve("reload");
        Files.createDirectories(scratch);
        Path reloadModels = scratch.resolve("models");
        UpliftBundle first = UpliftFixtures.publishFromBase(base, reloadModels, CAMPAIGN, 9);
        try (TestServer reloading = new TestServer(reloadModels, scratch.resolve("snapshots"), null, 1 << 20)) {
            assertEquals(first.version(), versionServed(reloading));
            UpliftBundle second = UpliftFixtures.publishFromBase(base, reloadModels, CAMPAIGN, 10);
            reloading.registry.refresh();
            assertEquals(second.version(), versionServed(reloading));

            // A copied folder's manifest names another version: the store refuses it, the server keeps the second.
            Path campaignFolder = reloadModels.resolve("uplift").resolve(CAMPAIGN);
            Path broken = campaignFolder.resolve("20991231T000000Z-broken");
            Files.createDirectories(broken);
            try (Stream<Path> files = Files.list(campaignFolder.resolve(second.version()))) {
                for (Path file : files.toList()) {
                    Files.copy(file, broken.resolve(file.getFileName()));
                }
            }
            Files.writeString(campaignFolder.resolve("CURRENT"), broken.getFileName() + "\n");
            reloading.registry.refresh();
            assertEquals(second.version(), versionServed(reloading));
            assertEquals(List.of(CAMPAIGN), new UpliftStore(reloadModels).campaignsWithCurrent());
        }
    }

    private static String versionServed(TestServer server) throws Exception {
        HttpResponse<String> response = server.post("/v1/uplift/" + CAMPAIGN, "application/json", "{\"plan\": \"free\", \"tenure_days\": 100}", null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("model_version").asText();
    }
}
