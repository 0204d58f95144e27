// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.propensity.cli.Main;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.ParquetTableWriter;
import io.github.propensity.data.RecordSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same three weekly bases scored by the CLI into CSV snapshots and into Parquet snapshots ({@code --format
 * parquet}), and a copy of the CSV history laid out as the Spark job writes it (scores.parquet partitioned by segment,
 * so the segment column comes last): every reader of a snapshot gives the same answers from each. The CSV history is
 * the independent computation: its readers are the ones the rest of the suite checks against hand counts.
 */
class ParquetSnapshotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WEEKS = 3;

    @TempDir
    static Path dir;
    static Path models;
    static List<Path> csvWeeks;
    static List<Path> parquetWeeks;
    static List<Path> sparkWeeks;
    static TestServer csvServer;
    static TestServer parquetServer;
    static TestServer sparkServer;

    @BeforeAll
    static void scoreThreeWeeksBothWays() throws IOException {
        models = dir.resolve("models");
        TestServer.copyModels(models);
        List<Path> bases = bases();
        csvWeeks = new ArrayList<>();
        parquetWeeks = new ArrayList<>();
        for (Path base : bases) {
            csvWeeks.add(score(base, dir.resolve("csv-snapshots")));
            parquetWeeks.add(score(base, dir.resolve("parquet-snapshots"), "--format", "parquet"));
        }
        sparkWeeks = new ArrayList<>();
        for (Path week : csvWeeks) {
            sparkWeeks.add(asSparkLays(week, dir.resolve("spark-snapshots").resolve(week.getFileName().toString())));
        }
        // The same snapshot names, so the pointer names the latest one in the copy too.
        Files.copy(dir.resolve("csv-snapshots").resolve("LATEST"), dir.resolve("spark-snapshots").resolve("LATEST"));
        csvServer = new TestServer(models, dir.resolve("csv-snapshots"), null, 1_000_000);
        parquetServer = new TestServer(models, dir.resolve("parquet-snapshots"), null, 1_000_000);
        sparkServer = new TestServer(models, dir.resolve("spark-snapshots"), null, 1_000_000);
    }

    @AfterAll
    static void stop() {
        Stream.of(csvServer, parquetServer, sparkServer).filter(s -> s != null).forEach(TestServer::close);
    }

    /** Three sliding weeks of the sample with staler logins each week and a CLV column (some customers without one). */
    private static List<Path> bases() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("training-data", "customers.csv"));
        List<Path> bases = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            List<String> base = new ArrayList<>();
            base.add(lines.get(0) + ",clv_180d");
            int first = 1 + week * SnapshotHistoryFixture.SLIDE;
            for (int row = first; row < first + SnapshotHistoryFixture.ROWS_PER_WEEK; row++) {
                base.add(SnapshotHistoryFixture.aged(lines.get(row), week) + "," + (row % 50 == 7 ? "" : (row * 37) % 300 + "." + row % 100));
            }
            bases.add(Files.write(dir.resolve("base-week" + (week + 1) + ".csv"), base));
        }
        return bases;
    }

    private static Path score(Path base, Path snapshots, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("score", "--data", base.toString(), "--id", "customer_id", "--models", models.toString(),
                "--snapshots", snapshots.toString(), "--threads", "2"));
        args.addAll(List.of(more));
        JsonNode line = JSON.readTree(cli(args.toArray(String[]::new)));
        return Path.of(line.get("snapshot").asText());
    }

    /** Runs the CLI, asserting success; returns the last stdout line. */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    /**
     * The CSV snapshot as the Spark job lays one out: the same reports, and scores.parquet a folder of segment
     * partitions (the value escaped as Hive does) whose parts lack the segment column, with a _SUCCESS marker.
     */
    private static Path asSparkLays(Path csvSnapshot, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(csvSnapshot)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("scores.csv")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path scores = Files.createDirectories(target.resolve("scores.parquet"));
        Files.writeString(scores.resolve("_SUCCESS"), "");
        Map<String, List<String[]>> bySegment = new HashMap<>();
        List<String> header;
        try (RecordSource reader = RecordSource.open(csvSnapshot.resolve("scores.csv"), ',')) {
            header = reader.header();
            int segment = header.indexOf("segment");
            for (String[] row; (row = reader.next()) != null; ) {
                List<String> cells = new ArrayList<>(List.of(row));
                cells.remove(segment);
                bySegment.computeIfAbsent(row[segment], s -> new ArrayList<>()).add(cells.toArray(String[]::new));
            }
        }
        List<ParquetTableWriter.Column> columns = header.stream().filter(c -> !c.equals("segment"))
                .map(c -> new ParquetTableWriter.Column(c, c.endsWith("_probability") || c.endsWith("_percentile")
                        ? ParquetTableWriter.CellType.DOUBLE : ParquetTableWriter.CellType.TEXT)).toList();
        for (Map.Entry<String, List<String[]>> segment : bySegment.entrySet()) {
            Path part = Files.createDirectories(scores.resolve("segment=" + segment.getKey().replace("%", "%25").replace("/", "%2F")))
                    .resolve("part-00000-c000.snappy.parquet");
            try (OutputStream out = Files.newOutputStream(part); ParquetTableWriter writer = ParquetTableWriter.open(out, columns)) {
                for (String[] row : segment.getValue()) {
                    writer.write(row);
                }
            }
        }
        String manifest = Files.readString(target.resolve("manifest.json")).replaceFirst("(\"scores_file\"\\s*:\\s*)\"scores.csv\"", "$1\"scores.parquet\"");
        Files.writeString(target.resolve("manifest.json"), manifest);
        return target;
    }

    @Test
    void theCliWritesScoresParquetInTheSnapshotWithTheCsvColumns() throws IOException {
        for (int week = 0; week < WEEKS; week++) {
            Path parquet = parquetWeeks.get(week).resolve("scores.parquet");
            assertTrue(Files.isRegularFile(parquet), "one file, not a folder");
            assertFalse(Files.exists(parquetWeeks.get(week).resolve("scores.csv")));
            assertEquals("scores.parquet", JSON.readTree(parquetWeeks.get(week).resolve("manifest.json").toFile()).get("scores_file").asText());
            try (RecordSource csv = RecordSource.open(csvWeeks.get(week).resolve("scores.csv"), ',');
                 RecordSource typed = RecordSource.open(parquet, ',')) {
                assertEquals(csv.header(), typed.header(), "the CLI's column order");
                assertTrue(csv.header().contains("clv"), csv.header().toString());
            }
        }
    }

    @Test
    void theNextRunMigratesFromAParquetSnapshotAsFromTheCsv() throws IOException {
        for (int week = 1; week < WEEKS; week++) {
            List<String> fromCsv = Files.readAllLines(csvWeeks.get(week).resolve("migration.csv"));
            assertTrue(fromCsv.stream().anyMatch(line -> line.contains("(new)")) && fromCsv.stream().anyMatch(line -> line.contains("(gone)")),
                    "the sliding window brings new and gone customers");
            assertEquals(fromCsv, Files.readAllLines(parquetWeeks.get(week).resolve("migration.csv")), "week " + (week + 1));
            assertEquals(JSON.readTree(csvWeeks.get(week).resolve("manifest.json").toFile()).get("previous_snapshot_customers"),
                    JSON.readTree(parquetWeeks.get(week).resolve("manifest.json").toFile()).get("previous_snapshot_customers"));
        }
    }

    @Test
    void theSegmentListsAreTheSameCustomersWithTheSameValues() throws Exception {
        JsonNode segments = json(csvServer.get("/v1/segments", null)).get("segments");
        assertEquals(segments, json(parquetServer.get("/v1/segments", null)).get("segments"));
        int compared = 0;
        for (Iterator<String> names = segments.fieldNames(); names.hasNext(); ) {
            String segment = names.next();
            for (String query : List.of("", "?sort=churn_probability&order=asc&limit=40", "?task=churn&min_score=30",
                    "?sort=expected_loss&limit=25")) {
                String csvPath = "/v1/segments/" + encode(segment) + "/customers" + query;
                List<Map<String, String>> expected = csvRows(csvServer.get(csvPath, null));
                if (query.isEmpty()) {
                    assertEquals(segments.get(segment).asLong(), expected.size(), "the whole segment: " + segment);
                }
                for (TestServer other : List.of(parquetServer, sparkServer)) {
                    assertSameRows(expected, csvRows(other.get(csvPath, null)), csvPath);
                    String jsonPath = csvPath + (query.isEmpty() ? "?" : "&") + "format=json";
                    assertSameJsonRows(json(csvServer.get(jsonPath, null)).get("customers"), json(other.get(jsonPath, null)).get("customers"), jsonPath);
                }
                compared += expected.size();
            }
        }
        assertTrue(compared > 3_000, "every customer of the latest week listed at least once: " + compared);
    }

    @Test
    void migrationBetweenAnyTwoSnapshotsAndItsCellsAreTheSame() throws Exception {
        String csvPath = "/v1/snapshots/" + csvWeeks.get(2).getFileName() + "/migration?against=" + csvWeeks.get(0).getFileName();
        JsonNode expected = json(csvServer.get(csvPath, null)).get("dimensions");
        assertTrue(expected.size() >= 4, "segment and three bands: " + expected);
        List<List<Path>> others = List.of(parquetWeeks, sparkWeeks);
        List<TestServer> servers = List.of(parquetServer, sparkServer);
        for (int o = 0; o < others.size(); o++) {
            String path = "/v1/snapshots/" + others.get(o).get(2).getFileName() + "/migration?against=" + others.get(o).get(0).getFileName();
            assertEquals(expected, json(servers.get(o).get(path, null)).get("dimensions"), path);
        }
        int cells = 0;
        for (JsonNode dimension : expected) {
            if (!List.of("segment", "churn_band").contains(dimension.get("name").asText())) {
                continue;
            }
            for (int i = 0; i < dimension.get("from").size(); i++) {
                for (int j = 0; j < dimension.get("to").size(); j++) {
                    long customers = dimension.get("customers").get(i).get(j).asLong();
                    if (customers == 0) {
                        continue;
                    }
                    String cell = "/migration/customers?dimension=" + dimension.get("name").asText() + "&from="
                            + encode(dimension.get("from").get(i).asText()) + "&to=" + encode(dimension.get("to").get(j).asText());
                    List<Map<String, String>> rows = csvRows(csvServer.get("/v1/snapshots/" + csvWeeks.get(2).getFileName() + cell
                            + "&against=" + csvWeeks.get(0).getFileName(), null));
                    assertEquals(customers, rows.size(), cell);
                    for (int o = 0; o < others.size(); o++) {
                        List<Map<String, String>> other = csvRows(servers.get(o).get("/v1/snapshots/" + others.get(o).get(2).getFileName() + cell
                                + "&against=" + others.get(o).get(0).getFileName(), null));
                        // The Spark layout streams customers partition by partition: the same rows, in another order.
                        assertSameRows(o == 0 ? rows : byId(rows), o == 0 ? other : byId(other), cell);
                    }
                    cells++;
                }
            }
        }
        assertTrue(cells > 8, "cells downloaded: " + cells);
    }

    @Test
    void targetingAParquetSnapshotGivesTheSamePlanAndList() throws IOException {
        List<Path> lists = new ArrayList<>();
        List<JsonNode> summaries = new ArrayList<>();
        for (Path snapshot : List.of(csvWeeks.get(2), parquetWeeks.get(2), sparkWeeks.get(2))) {
            Path list = dir.resolve("list-" + lists.size() + ".csv");
            summaries.add(JSON.readTree(cli("target", "--snapshot", snapshot.toString(), "--task", "churn", "--offer-cost", "10",
                    "--save-rate", "0.3", "--budget", "2000", "--out", list.toString())));
            lists.add(list);
        }
        List<Map<String, String>> expected = csvRows(Files.readString(lists.get(0)));
        assertTrue(expected.size() > 10, "a list worth comparing: " + expected.size());
        for (int other = 1; other < lists.size(); other++) {
            assertEquals(withoutPaths(summaries.get(0)), withoutPaths(summaries.get(other)));
            assertSameRows(expected, csvRows(Files.readString(lists.get(other))), lists.get(other).toString());
        }
    }

    @Test
    void aBacktestOfAParquetSnapshotHasTheSameFigures() throws IOException {
        List<JsonNode> figures = new ArrayList<>();
        for (Path snapshot : List.of(csvWeeks.get(2), parquetWeeks.get(2), sparkWeeks.get(2))) {
            ObjectNode line = (ObjectNode) JSON.readTree(cli("backtest", "--snapshot", snapshot.toString(), "--outcomes",
                    dir.resolve("base-week3.csv").toString(), "--id", "customer_id", "--task", "churn", "--label", "churned", "--positive", "yes"));
            figures.add(withoutPaths(line));
        }
        assertTrue(figures.get(0).toString().contains("auc"), figures.get(0).toString());
        assertEquals(figures.get(0), figures.get(1), "the same rows in the same order: the same figures to the bit");
        // The Spark layout holds the rows partition by partition: sums in another order may differ in the last bits.
        assertSameFigures(figures.get(0), figures.get(2), "");
    }

    private static void assertSameFigures(JsonNode expected, JsonNode actual, String where) {
        if (expected.isNumber() && actual.isNumber()) {
            assertEquals(expected.asDouble(), actual.asDouble(), 1e-12 * Math.max(1, Math.abs(expected.asDouble())), where);
        } else if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), where);
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            if (expected.isObject()) {
                names.forEach(name -> assertSameFigures(expected.get(name), actual.path(name), where + "/" + name));
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameFigures(expected.get(i), actual.get(i), where + "[" + i + "]");
                }
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** A JSON answer without what names where and when it was made (snapshot names, paths, times), at any depth. */
    private static JsonNode withoutPaths(JsonNode line) {
        JsonNode copy = line.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> named = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (name.equals("snapshot") || name.endsWith("_at") || value.isTextual() && value.asText().startsWith(dir.toString())) {
                    named.add(name);
                }
            });
            object.remove(named);
        }
        node.forEach(ParquetSnapshotsTest::strip);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<Map<String, String>> csvRows(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return csvRows(response.body());
    }

    private static List<Map<String, String>> csvRows(String text) throws IOException {
        try (Reader in = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    private static List<Map<String, String>> byId(List<Map<String, String>> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing((Map<String, String> row) -> row.get("customer_id"))).toList();
    }

    /** The same rows in the same order, each cell the same text or the same number ("0.1" and "0.10" alike). */
    private static void assertSameRows(List<Map<String, String>> expected, List<Map<String, String>> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": rows");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).keySet(), actual.get(r).keySet(), where + ": columns");
            for (Map.Entry<String, String> cell : expected.get(r).entrySet()) {
                assertSameCell(cell.getValue(), actual.get(r).get(cell.getKey()), where + " row " + r + " " + cell.getKey());
            }
        }
    }

    private static void assertSameJsonRows(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": rows");
        for (int r = 0; r < expected.size(); r++) {
            List<String> names = new ArrayList<>();
            expected.get(r).fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.get(r).fieldNames().forEachRemaining(actualNames::add);
            assertEquals(names.stream().sorted().toList(), actualNames.stream().sorted().toList(), where + ": fields");
            for (String name : names) {
                JsonNode a = expected.get(r).get(name);
                JsonNode b = actual.get(r).get(name);
                if (a.isNumber() && b.isNumber()) {
                    assertEquals(a.asDouble(), b.asDouble(), 0.0, where + " row " + r + " " + name);
                } else {
                    assertEquals(a, b, where + " row " + r + " " + name);
                }
            }
        }
    }

    private static void assertSameCell(String expected, String actual, String where) {
        Double a = NumericValues.parse(expected);
        Double b = NumericValues.parse(actual);
        if (a != null && b != null) {
            assertEquals(a, b, 0.0, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
