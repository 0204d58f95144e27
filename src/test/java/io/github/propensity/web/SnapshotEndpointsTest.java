// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CsvRecordReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot history routes over three real weekly snapshots, checked against the snapshots' scores files and
 * reports read directly: segment counts by counting rows, migration by joining two scores files on the id.
 */
class SnapshotEndpointsTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static List<SnapshotHistoryFixture.Week> weeks;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        weeks = SnapshotHistoryFixture.build(dir, models, dir.resolve("snapshots"));
        server = new TestServer(models, dir.resolve("snapshots"), null, 64 * 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void listsEverySnapshotNewestFirstWithCustomersPerSegmentCountedFromItsScores() throws Exception {
        JsonNode snapshots = json(server.get("/v1/snapshots", null)).get("snapshots");
        assertEquals(SnapshotHistoryFixture.WEEKS, snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            SnapshotHistoryFixture.Week week = weeks.get(weeks.size() - 1 - i);
            JsonNode listed = snapshots.get(i);
            assertEquals(week.snapshot().getFileName().toString(), listed.get("id").asText(), "newest first");
            assertEquals(SnapshotHistoryFixture.ROWS_PER_WEEK, listed.get("rows").asLong());
            Map<String, Long> counted = new TreeMap<>();
            for (String[] row : scores(week.snapshot())) {
                counted.merge(row[1], 1L, Long::sum);
            }
            Map<String, Long> served = new TreeMap<>();
            listed.get("segments").fields().forEachRemaining(e -> served.put(e.getKey(), e.getValue().asLong()));
            served.values().removeIf(count -> count == 0);
            assertEquals(counted, served);
            assertEquals(counted.values().stream().mapToLong(Long::longValue).sum(), listed.get("customers").asLong());
        }
    }

    @Test
    void migrationMatchesAJoinOfTheTwoScoresFiles() throws Exception {
        Path latest = weeks.get(2).snapshot();
        Path previous = weeks.get(1).snapshot();
        JsonNode migration = json(server.get("/v1/snapshots/" + latest.getFileName() + "/migration", null));
        assertEquals(previous.getFileName().toString(), migration.get("against").asText());
        for (int column : new int[]{1, 2}) {
            String dimension = column == 1 ? "segment" : "churn_band";
            Map<String, Long> expected = joinedCounts(previous, latest, column);
            Map<String, Long> served = new TreeMap<>();
            JsonNode matrix = dimension(migration, dimension);
            for (int i = 0; i < matrix.get("from").size(); i++) {
                for (int j = 0; j < matrix.get("to").size(); j++) {
                    long customers = matrix.get("customers").get(i).get(j).asLong();
                    if (customers > 0) {
                        served.put(matrix.get("from").get(i).asText() + " -> " + matrix.get("to").get(j).asText(), customers);
                    }
                }
            }
            assertEquals(expected, served, dimension);
            // The fixture slides the window by SLIDE rows a week: that many joined and that many left.
            long joined = served.entrySet().stream().filter(e -> e.getKey().startsWith("(new)")).mapToLong(Map.Entry::getValue).sum();
            long left = served.entrySet().stream().filter(e -> e.getKey().endsWith("(gone)")).mapToLong(Map.Entry::getValue).sum();
            assertEquals(SnapshotHistoryFixture.SLIDE, joined);
            assertEquals(SnapshotHistoryFixture.SLIDE, left);
        }
        JsonNode bands = dimension(migration, "churn_band");
        assertEquals(List.of("high", "medium", "low", "(new)"), texts(bands.get("from")), "bands high to low, (new) last");
    }

    @Test
    void againstAnyOtherSnapshotTheMatrixIsTheJoinOfTheTwoScoresFiles() throws Exception {
        Path latest = weeks.get(2).snapshot();
        Path first = weeks.get(0).snapshot();
        for (Path[] pair : new Path[][]{{latest, first}, {first, latest}}) {
            JsonNode migration = json(server.get("/v1/snapshots/" + pair[0].getFileName() + "/migration?against=" + pair[1].getFileName(), null));
            assertEquals(pair[1].getFileName().toString(), migration.get("against").asText());
            assertEquals(joinedCounts(pair[1], pair[0], 1), cells(dimension(migration, "segment")), "segment");
            assertEquals(joinedCounts(pair[1], pair[0], 2), cells(dimension(migration, "churn_band")), "churn_band");
        }
        JsonNode twoWeeks = json(server.get("/v1/snapshots/" + latest.getFileName() + "/migration?against=" + first.getFileName(), null));
        long joined = cells(dimension(twoWeeks, "segment")).entrySet().stream().filter(e -> e.getKey().startsWith("(new)"))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(2 * SnapshotHistoryFixture.SLIDE, joined, "two weeks of the sliding window joined");
        assertEquals(List.of("high", "medium", "low", "(new)"), texts(dimension(twoWeeks, "churn_band").get("from")));
    }

    @Test
    void aMigrationCellDownloadsExactlyTheCustomersTheJoinPutsInIt() throws Exception {
        Path latest = weeks.get(2).snapshot();
        Path first = weeks.get(0).snapshot();
        Map<String, String> was = new HashMap<>();
        scores(first).forEach(row -> was.put(row[0], row[1]));
        Map<String, String> now = new HashMap<>();
        scores(latest).forEach(row -> now.put(row[0], row[1]));
        Map<String, List<String>> byCell = new TreeMap<>();
        now.forEach((id, segment) -> byCell.computeIfAbsent(was.getOrDefault(id, "(new)") + " -> " + segment, c -> new ArrayList<>()).add(id));
        was.forEach((id, segment) -> {
            if (!now.containsKey(id)) {
                byCell.computeIfAbsent(segment + " -> (gone)", c -> new ArrayList<>()).add(id);
            }
        });
        int checked = 0;
        for (Map.Entry<String, List<String>> cell : byCell.entrySet()) {
            String[] fromTo = cell.getKey().split(" -> ");
            HttpResponse<String> response = server.get("/v1/snapshots/" + latest.getFileName() + "/migration/customers?against="
                    + first.getFileName() + "&dimension=segment&from=" + encode(fromTo[0]) + "&to=" + encode(fromTo[1]), null);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = response.body().lines().toList();
            assertTrue(lines.get(0).startsWith("customer_id,from,to,segment,"), lines.get(0));
            List<String> ids = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                assertEquals(fromTo[0], fields[1], line);
                assertEquals(fromTo[1], fields[2], line);
                if (!fromTo[1].equals("(gone)")) {
                    assertEquals(fromTo[1], fields[3], "the customer's row follows: " + line);
                }
                ids.add(fields[0]);
            }
            assertEquals(new java.util.TreeSet<>(cell.getValue()), new java.util.TreeSet<>(ids), cell.getKey());
            assertEquals(cell.getValue().size(), ids.size(), cell.getKey() + ": each customer once");
            checked++;
        }
        assertTrue(byCell.keySet().stream().anyMatch(c -> c.startsWith("(new)")) && byCell.keySet().stream().anyMatch(c -> c.endsWith("(gone)")),
                "the pair has joined and left customers: " + byCell.keySet());
        assertTrue(checked > 4, "cells checked: " + checked);
    }

    @Test
    void aMigrationRequestThatCannotBeAnsweredIsA4xxProblemNamingWhy() throws Exception {
        String latest = weeks.get(2).snapshot().getFileName().toString();
        String first = weeks.get(0).snapshot().getFileName().toString();
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("/v1/snapshots/" + latest + "/migration/customers?from=a&to=b", 400);
        expected.put("/v1/snapshots/" + latest + "/migration/customers?dimension=colour&from=a&to=b", 400);
        expected.put("/v1/snapshots/" + latest + "/migration?against=" + latest, 400);
        expected.put("/v1/snapshots/" + latest + "/migration?against=20200101T000000Z", 404);
        expected.put("/v1/snapshots/" + first + "/migration/customers?dimension=segment&from=a&to=b", 400);
        expected.put("/v1/snapshots/" + latest + "/migration/customers?dimension=segment&from=a&to=b&customer=1", 400);
        for (Map.Entry<String, Integer> request : expected.entrySet()) {
            HttpResponse<String> response = server.get(request.getKey(), null);
            assertEquals(request.getValue(), response.statusCode(), request.getKey() + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), request.getKey());
            assertFalse(JSON.readTree(response.body()).get("detail").asText().isBlank(), request.getKey());
        }
    }

    private static String encode(String label) {
        return java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A matrix's non-zero cells as "from -> to" counts, the form {@link #joinedCounts} gives. */
    private static Map<String, Long> cells(JsonNode matrix) {
        Map<String, Long> served = new TreeMap<>();
        for (int i = 0; i < matrix.get("from").size(); i++) {
            for (int j = 0; j < matrix.get("to").size(); j++) {
                long customers = matrix.get("customers").get(i).get(j).asLong();
                if (customers > 0) {
                    served.put(matrix.get("from").get(i).asText() + " -> " + matrix.get("to").get(j).asText(), customers);
                }
            }
        }
        return served;
    }

    @Test
    void theFirstSnapshotsCustomersAreAllNew() throws Exception {
        JsonNode migration = json(server.get("/v1/snapshots/" + weeks.get(0).snapshot().getFileName() + "/migration", null));
        assertNull(migration.get("against").textValue());
        for (JsonNode dimension : migration.get("dimensions")) {
            assertEquals(List.of("(new)"), texts(dimension.get("from")), dimension.toString());
        }
    }

    @Test
    void driftListsEveryInputAndScoreFlaggedFirstThenByPsi() throws Exception {
        Path latest = weeks.get(2).snapshot();
        JsonNode stored = JSON.readTree(latest.resolve("drift.json").toFile());
        JsonNode drift = json(server.get("/v1/snapshots/" + latest.getFileName() + "/drift", null));
        Map<String, Double> expected = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        stored.get("tasks").fields().forEachRemaining(task -> {
            expected.put(task.getKey() + "/score", task.getValue().get("score_psi").asDouble());
            flags.put(task.getKey() + "/score", task.getValue().get("score_flagged").asBoolean());
            for (JsonNode feature : task.getValue().get("features")) {
                expected.put(task.getKey() + "/" + feature.get("column").asText(), feature.get("psi").asDouble());
                flags.put(task.getKey() + "/" + feature.get("column").asText(), feature.get("flagged").asBoolean());
            }
        });
        JsonNode entries = drift.get("entries");
        assertEquals(expected.size(), entries.size());
        boolean seenUnflagged = false;
        double previousPsi = Double.POSITIVE_INFINITY;
        for (JsonNode entry : entries) {
            String key = entry.get("task").asText() + "/" + entry.get("input").asText();
            assertEquals(expected.get(key), entry.get("psi").asDouble(), key);
            boolean flagged = entry.get("flagged").asBoolean();
            assertEquals(flags.get(key), flagged, key);
            assertEquals(flagged, entry.get("psi").asDouble() > stored.get("alert_threshold").asDouble(), key + " flagged above the threshold");
            if (!flagged && !seenUnflagged) {
                seenUnflagged = true;
                previousPsi = Double.POSITIVE_INFINITY;
            }
            assertFalse(flagged && seenUnflagged, "flagged entries come first");
            assertTrue(entry.get("psi").asDouble() <= previousPsi, "largest PSI first within a group: " + key);
            previousPsi = entry.get("psi").asDouble();
        }
        assertTrue(flags.containsValue(true), "the fixture's staler logins are flagged somewhere: " + drift);
        assertEquals(0.1, drift.get("watch_threshold").asDouble());
        assertEquals(stored.get("alert_threshold").asDouble(), drift.get("alert_threshold").asDouble());
    }

    @Test
    void anUnknownSnapshotIsA404Problem() throws Exception {
        for (String id : List.of("20200101T000000Z", "LATEST", ".lock", "backtests.jsonl")) {
            for (String route : List.of("/migration", "/drift")) {
                HttpResponse<String> response = server.get("/v1/snapshots/" + id + route, null);
                assertEquals(404, response.statusCode(), id + route);
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(response.body().contains("no snapshot '" + id + "'"), response.body());
            }
        }
    }

    @Test
    void aServerWithoutSnapshotsListsNone() throws Exception {
        Path models = dir.resolve("models-empty");
        TestServer.copyModels(models);
        try (TestServer empty = new TestServer(models, dir.resolve("no-snapshots"), null, 64 * 1024)) {
            assertEquals(0, json(empty.get("/v1/snapshots", null)).get("snapshots").size());
        }
    }

    @Test
    void thePageAndItsFilesCarryTheSecurityHeadersAndNoInlineCode() throws Exception {
        for (String path : List.of("/", "/static/dashboard.js", "/static/dashboard.css", "/v1/snapshots")) {
            HttpResponse<String> response = server.get(path, null);
            assertEquals(200, response.statusCode(), path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        String page = server.get("/", null).body();
        assertFalse(page.matches("(?s).*<script>.*|.*<style.*|.*\\sstyle=.*|.*\\son[a-z]+=.*"), "no inline script, style or handler");
        assertTrue(server.get("/static/dashboard.js", null).headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, server.get("/static/openapi.json", null).statusCode(), "only the dashboard's files are served");
    }

    /** Rows of a snapshot's scores file as (id, segment, churn_band). */
    private static List<String[]> scores(Path snapshot) {
        List<String[]> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(snapshot.resolve("scores.csv"), ',')) {
            List<String> header = reader.header();
            int segment = header.indexOf("segment");
            int band = header.indexOf("churn_band");
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows.add(new String[]{fields[0], fields[segment], fields[band]});
            }
        }
        return rows;
    }

    /** "from -> to" customer counts of one column between two snapshots, joined on the id, with (new) and (gone). */
    private static Map<String, Long> joinedCounts(Path before, Path after, int column) {
        Map<String, String> was = new HashMap<>();
        for (String[] row : scores(before)) {
            was.put(row[0], row[column]);
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String[] row : scores(after)) {
            String from = was.remove(row[0]);
            counts.merge((from == null ? "(new)" : from) + " -> " + row[column], 1L, Long::sum);
        }
        was.values().forEach(from -> counts.merge(from + " -> (gone)", 1L, Long::sum));
        return counts;
    }

    private static JsonNode dimension(JsonNode migration, String name) {
        for (JsonNode dimension : migration.get("dimensions")) {
            if (dimension.get("name").asText().equals(name)) {
                return dimension;
            }
        }
        throw new AssertionError("no dimension " + name + " in " + migration);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
