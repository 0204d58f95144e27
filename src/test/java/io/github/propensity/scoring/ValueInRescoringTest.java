// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.value.ValueFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rescoring a base that carries CLV and p_alive, against the committed models and a value model made here. */
class ValueInRescoringTest {
    private static final int ROWS = 2000;

    @TempDir
    static Path shared;
    static Path plainBase;
    static Path valueBase;

    @TempDir
    Path dir;

    @BeforeAll
    static void bases() throws IOException {
        plainBase = shared.resolve("base.csv");
        SampleWriter.write(plainBase, null, ROWS, 11);
        valueBase = ValueFixtures.withValueColumns(plainBase, shared.resolve("value-base.csv"), "clv_365d", ValueInRescoringTest::clvCell);
    }

    /** Every 97th customer has no CLV, one an unreadable one; the rest spread over 0-1200. */
    private static String clvCell(int row) {
        if (row % 97 == 5) {
            return "";
        }
        if (row == 13) {
            return "n/a";
        }
        return Integer.toString((row * 37) % 1201);
    }

    private Path models() throws IOException {
        Path models = dir.resolve("models");
        Path source = Path.of("models");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path destination = models.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
        return models;
    }

    private RescoreSummary rescore(Path base, Path models, SegmentPolicy policy, double maxBad) {
        return new RescoreJob().run(new RescoreRequest(ScoringInput.of(base, "customer_id"), ModelChoice.everyCurrent(models),
                new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), policy, maxBad, 2));
    }

    /** The band this test expects from a reference of CLVs 0..1000: medium from 500, high from 800. */
    private static String expectedBand(String clv) {
        if (clv.isEmpty()) {
            return "";
        }
        double value = Double.parseDouble(clv);
        return value >= 800 ? "high" : value >= 500 ? "medium" : "low";
    }

    @Test
    void scoresCarryClvPAliveAndAValueBandReadAgainstTheValueModelsReference() throws IOException {
        Path models = models();
        String version = ValueFixtures.publishValueModel(models, 365, 1000);
        RescoreSummary summary = rescore(valueBase, models, SegmentPolicy.defaults(), 0.001);
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        CustomerTable input = CustomerTable.read(valueBase, null);
        int clv = scores.columnIndex("clv");
        int pAlive = scores.columnIndex("p_alive");
        int band = scores.columnIndex("value_band");
        assertEquals(List.of("customer_id", "segment", "clv", "p_alive", "value_band", "churn_probability"), scores.header().subList(0, 6));
        long withoutClv = 0;
        long[] perBand = new long[3];
        for (int row = 0; row < ROWS; row++) {
            String inputClv = input.value(row, input.columnIndex("clv_365d"));
            String expectedClv = inputClv.equals("n/a") ? "" : inputClv;
            assertEquals(expectedClv, scores.value(row, clv), "row " + row);
            assertEquals(input.value(row, input.columnIndex("p_alive")), scores.value(row, pAlive));
            assertEquals(expectedBand(expectedClv), scores.value(row, band), "row " + row);
            if (expectedClv.isEmpty()) {
                withoutClv++;
            } else {
                perBand[List.of("low", "medium", "high").indexOf(expectedBand(expectedClv))]++;
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertEquals("clv_365d", manifest.path("value").path("clv_column").asText());
        assertEquals(version, manifest.path("value").path("value_model").asText());
        assertEquals(800.0, manifest.path("value").path("clv_thresholds").path("high").asDouble());
        assertEquals(withoutClv, manifest.path("value").path("customers_without_clv").asLong());
        assertTrue(manifest.path("value").path("segments_use_value_bands").asBoolean());
        JsonNode segments = new ObjectMapper().readTree(summary.snapshot().resolve("segments.json").toFile());
        assertEquals(perBand[0], segments.path("bands").path("value").path("low").asLong());
        assertEquals(perBand[1], segments.path("bands").path("value").path("medium").asLong());
        assertEquals(perBand[2], segments.path("bands").path("value").path("high").asLong());
    }

    @Test
    void theBuiltInAtRiskHighValueMeansChurnHighAndValueHighWhenTheBaseHasValueBands() throws IOException {
        Path models = models();
        ValueFixtures.publishValueModel(models, 365, 1000);
        CustomerTable scores = CustomerTable.read(rescore(valueBase, models, SegmentPolicy.defaults(), 0.001).snapshot().resolve("scores.csv"), null);
        int matched = 0;
        for (int row = 0; row < scores.rowCount(); row++) {
            boolean churnHigh = scores.value(row, scores.columnIndex("churn_band")).equals("high");
            boolean valueHigh = scores.value(row, scores.columnIndex("value_band")).equals("high");
            String segment = scores.value(row, scores.columnIndex("segment"));
            assertEquals(churnHigh && valueHigh, segment.equals("at-risk-high-value"), "row " + row);
            if (churnHigh && !valueHigh) {
                assertEquals("at-risk", segment, "row " + row + ": churn high without high value");
            }
            matched += segment.equals("at-risk-high-value") ? 1 : 0;
        }
        assertTrue(matched > 0, "the sample has customers at risk with high value");
    }

    @Test
    void withoutAValueModelClvIsCarriedUnbandedAndAtRiskHighValueKeepsItsPurchaseDefinition() throws IOException {
        RescoreSummary summary = rescore(valueBase, models(), SegmentPolicy.defaults(), 0.001);
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        for (int row = 0; row < scores.rowCount(); row++) {
            assertEquals("", scores.value(row, scores.columnIndex("value_band")));
            boolean churnHigh = scores.value(row, scores.columnIndex("churn_band")).equals("high");
            boolean purchaseAtLeastMedium = Set.of("high", "medium").contains(scores.value(row, scores.columnIndex("purchase_band")));
            assertEquals(churnHigh && purchaseAtLeastMedium, scores.value(row, scores.columnIndex("segment")).equals("at-risk-high-value"));
        }
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertTrue(manifest.path("value").path("unbanded_reason").asText().contains("no value model"), manifest.toString());
        assertFalse(manifest.path("value").path("segments_use_value_bands").asBoolean());
        assertFalse(new ObjectMapper().readTree(summary.snapshot().resolve("segments.json").toFile()).path("bands").has("value"));
    }

    @Test
    void aValueModelOfAnotherHorizonLeavesTheBandsEmptyAndSaysWhy() throws IOException {
        Path models = models();
        ValueFixtures.publishValueModel(models, 180, 1000);
        RescoreSummary summary = rescore(valueBase, models, SegmentPolicy.defaults(), 0.001);
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertTrue(manifest.path("value").path("unbanded_reason").asText().contains("covers 180 days"), manifest.toString());
    }

    @Test
    void aBaseWithoutValueColumnsKeepsTheScoresLayoutAndTheManifestHasNoValueEntry() throws IOException {
        Path models = models();
        ValueFixtures.publishValueModel(models, 365, 1000);
        RescoreSummary summary = rescore(plainBase, models, SegmentPolicy.defaults(), 0.001);
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        assertEquals(List.of("customer_id", "segment", "churn_probability"), scores.header().subList(0, 3));
        assertFalse(new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile()).has("value"));
    }

    @Test
    void rulesFromAFileBandValueAtTheirOwnCutoffsAndMatchOnlyCustomersWithAValueBand() throws IOException {
        Path models = models();
        ValueFixtures.publishValueModel(models, 365, 1000);
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, """
                {"value_bands": {"medium_percentile": 30, "high_percentile": 60},
                 "segments": [{"name": "valuable", "when": {"value": ["high"]}},
                              {"name": "modest", "when": {"value": ["low", "medium"]}},
                              {"name": "unknown", "when": {}}]}""");
        CustomerTable scores = CustomerTable.read(rescore(valueBase, models, SegmentPolicyFile.read(rules), 0.001)
                .snapshot().resolve("scores.csv"), null);
        for (int row = 0; row < scores.rowCount(); row++) {
            String clv = scores.value(row, scores.columnIndex("clv"));
            String expected = clv.isEmpty() ? "unknown" : Double.parseDouble(clv) >= 600 ? "valuable" : "modest";
            assertEquals(expected, scores.value(row, scores.columnIndex("segment")), "row " + row + " clv " + clv);
            if (!clv.isEmpty()) {
                double value = Double.parseDouble(clv);
                assertEquals(value >= 600 ? "high" : value >= 300 ? "medium" : "low", scores.value(row, scores.columnIndex("value_band")));
            }
        }
    }

    @Test
    void aNegativeClvIsABadRowNamedByLineAndColumn() throws IOException {
        Path base = ValueFixtures.withValueColumns(plainBase, dir.resolve("negative.csv"), "clv_365d", row -> row == 41 ? "-12.5" : "100");
        Path models = models();
        DataException failure = assertThrows(DataException.class, () -> rescore(base, models, SegmentPolicy.defaults(), 0));
        assertTrue(failure.getMessage().contains("line 43") && failure.getMessage().contains("clv_365d")
                && failure.getMessage().contains("negative"), failure.getMessage());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve(SnapshotStore.LATEST)), "no snapshot written");
        RescoreSummary tolerated = rescore(base, models, SegmentPolicy.defaults(), 0.01);
        assertEquals(1, tolerated.manifest().rejected().count());
        assertEquals(43, tolerated.manifest().rejected().examples().get(0).line());
    }

    @Test
    void severalClvColumnsAreRefusedByNameUnlessTheValueModelsHorizonPicksOne() throws IOException {
        List<String> lines = Files.readAllLines(valueBase, StandardCharsets.UTF_8);
        List<String> twice = new ArrayList<>(List.of(lines.get(0) + ",clv_90d"));
        for (int row = 1; row < lines.size(); row++) {
            twice.add(lines.get(row) + ",1");
        }
        Path base = Files.write(dir.resolve("two-clv.csv"), twice, StandardCharsets.UTF_8);
        Path models = models();
        DataException failure = assertThrows(DataException.class, () -> rescore(base, models, SegmentPolicy.defaults(), 0.001));
        assertTrue(failure.getMessage().contains("clv_365d, clv_90d"), failure.getMessage());
        ValueFixtures.publishValueModel(models, 90, 1000);
        RescoreSummary summary = rescore(base, models, SegmentPolicy.defaults(), 0.001);
        assertEquals("clv_90d", summary.manifest().value().clvColumn());
    }

    @Test
    void keepingAColumnNamedAsAValueColumnIsRefused() {
        RescoreRequest request = new RescoreRequest(new ScoringInput(valueBase, null, "customer_id", List.of("p_alive")),
                ModelChoice.everyCurrent(Path.of("models")), new ScoresDestination.Snapshot(dir.resolve("snapshots"), false),
                SegmentPolicy.defaults(), 0.001, 1);
        DataException failure = assertThrows(DataException.class, () -> new RescoreJob().run(request));
        assertTrue(failure.getMessage().contains("'p_alive'"), failure.getMessage());
    }
}
