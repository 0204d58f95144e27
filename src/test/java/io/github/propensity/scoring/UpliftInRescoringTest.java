// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.model.Task;
import io.github.propensity.model.UpliftGroup;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rescoring with the committed task models plus an uplift model trained here on a campaign run on the same base. */
class UpliftInRescoringTest {
    private static final int ROWS = 3000;
    private static final String CAMPAIGN = "winback-email";

    @TempDir
    static Path shared;
    static Path base;
    static Path models;
    static UpliftBundle bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainUpliftModel() throws IOException {
        base = shared.resolve("base.csv");
        SampleWriter.write(base, null, ROWS, 23);
        models = shared.resolve("models");
        BacktestFixtures.copyModels(models);
        bundle = UpliftFixtures.publishFromBase(base, models, CAMPAIGN, 5);
    }

    private static CampaignModel campaign(CampaignModel.Selection selection) {
        return new CampaignModel(CAMPAIGN, bundle.version(), bundle.model(), selection);
    }

    private static RescoreRequest request(Path data, ScoresDestination destination, SegmentPolicy policy, int threads,
                                          List<CampaignModel> campaigns) {
        return new RescoreRequest(ScoringInput.of(data, "customer_id"), ModelChoice.everyCurrent(models), destination, policy,
                0.001, threads, campaigns);
    }

    private RescoreSummary snapshot(Path data, SegmentPolicy policy, List<CampaignModel> campaigns) {
        return new RescoreJob().run(request(data, new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), policy, 2, campaigns));
    }

    @Test
    void eachCustomerGetsTheUpliftAndGroupTheModelGivesForTheirRowEncodedDirectly() throws IOException {
        RescoreSummary summary = snapshot(base, SegmentPolicy.defaults(), List.of(campaign(CampaignModel.Selection.FOUND)));
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        CustomerTable input = CustomerTable.read(base, null);
        List<String> header = scores.header();
        assertEquals(List.of("conversion_reason_3", CAMPAIGN + "_uplift", CAMPAIGN + "_group", "churn_percentile"),
                header.subList(header.indexOf("conversion_reason_3"), header.indexOf("churn_percentile") + 1));
        UpliftModel model = bundle.model();
        FeatureEncoder encoder = model.encoder();
        FeatureEncoder.HeaderBinding binding = encoder.bind(input.header());
        Map<UpliftGroup, Long> expectedCounts = new EnumMap<>(UpliftGroup.class);
        for (int row = 0; row < ROWS; row++) {
            // The scores file keeps the input order: one row per customer, no bad rows in a generated base.
            assertEquals(input.value(row, 0), scores.value(row, 0));
            double[] encoded = encoder.encode(input.rows().get(row), binding);
            double uplift = model.uplift(encoded);
            UpliftGroup group = model.group(encoded, uplift);
            expectedCounts.merge(group, 1L, Long::sum);
            assertEquals(uplift, Double.parseDouble(scores.value(row, header.indexOf(CAMPAIGN + "_uplift"))), 5e-7, "row " + row);
            assertEquals(group.label(), scores.value(row, header.indexOf(CAMPAIGN + "_group")), "row " + row);
        }
        assertTrue(expectedCounts.size() >= 3, "the campaign should yield several groups: " + expectedCounts);
        JsonNode segments = new ObjectMapper().readTree(summary.snapshot().resolve("segments.json").toFile());
        for (UpliftGroup group : UpliftGroup.values()) {
            assertEquals(expectedCounts.getOrDefault(group, 0L), segments.path("uplift_groups").path(CAMPAIGN).path(group.label()).asLong(),
                    group.label());
        }
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertEquals(bundle.version(), manifest.path("uplift").path(CAMPAIGN).path("version").asText());
        assertTrue(manifest.path("uplift_skipped").isMissingNode());
    }

    @Test
    void everyOtherColumnIsExactlyWhatARunWithoutUpliftWrites() throws IOException {
        Path with = dir.resolve("with.csv");
        Path without = dir.resolve("without.csv");
        new RescoreJob().run(request(base, new ScoresDestination.File(with), SegmentPolicy.defaults(), 2,
                List.of(campaign(CampaignModel.Selection.NAMED))));
        new RescoreJob().run(request(base, new ScoresDestination.File(without), SegmentPolicy.defaults(), 2, List.of()));
        List<String> withLines = Files.readAllLines(with, StandardCharsets.UTF_8);
        List<String> withoutLines = Files.readAllLines(without, StandardCharsets.UTF_8);
        assertEquals(withoutLines.size(), withLines.size());
        int upliftColumn = Arrays.asList(withLines.get(0).split(",")).indexOf(CAMPAIGN + "_uplift");
        for (int line = 0; line < withLines.size(); line++) {
            // The two uplift cells are plain (a number and a group label), so they are cut out at their commas; the
            // percentiles after them are never quoted.
            List<String> cells = new ArrayList<>(Arrays.asList(withLines.get(line).split(",", -1)));
            int fromEnd = cells.size() - upliftColumn;
            cells.remove(cells.size() - fromEnd);
            cells.remove(cells.size() - fromEnd + 1);
            assertEquals(withoutLines.get(line), String.join(",", cells), "line " + (line + 1));
        }
        List<String> withoutHeader = Arrays.asList(withoutLines.get(0).split(","));
        assertEquals(ScoresFileFinisher.header("customer_id", List.of(Task.values()), List.of(), List.of(), List.of(), false),
                withoutHeader);
    }

    @Test
    void parallelRunsWriteTheSameBytesWhateverTheThreadCount() throws IOException {
        Path one = dir.resolve("one.csv");
        Path three = dir.resolve("three.csv");
        List<CampaignModel> campaigns = List.of(campaign(CampaignModel.Selection.NAMED));
        new RescoreJob().run(request(base, new ScoresDestination.File(one), SegmentPolicy.defaults(), 1, campaigns));
        new RescoreJob().run(request(base, new ScoresDestination.File(three), SegmentPolicy.defaults(), 3, campaigns));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    }

    @Test
    void segmentRulesOnUpliftGroupsTakeExactlyTheCustomersInThoseGroups() throws IOException {
        Path rules = dir.resolve("segments.json");
        Files.writeString(rules, """
                {"segments": [
                  {"name": "win-back-persuadables", "when": {"churn": ["high", "medium"]}, "uplift": {"winback-email": ["persuadables"]}},
                  {"name": "leave-alone", "uplift": {"winback-email": ["sleeping-dogs", "lost-causes"]}},
                  {"name": "everyone-else", "when": {}}]}
                """);
        RescoreSummary summary = snapshot(base, SegmentPolicyFile.read(rules), List.of(campaign(CampaignModel.Selection.FOUND)));
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        int segment = scores.columnIndex("segment");
        int group = scores.columnIndex(CAMPAIGN + "_group");
        int churnBand = scores.columnIndex("churn_band");
        long[] counts = new long[3];
        for (int row = 0; row < scores.rowCount(); row++) {
            String g = scores.value(row, group);
            String band = scores.value(row, churnBand);
            String expected = g.equals("persuadables") && !band.equals("low") ? "win-back-persuadables"
                    : g.equals("sleeping-dogs") || g.equals("lost-causes") ? "leave-alone" : "everyone-else";
            assertEquals(expected, scores.value(row, segment), "row " + row);
            counts[List.of("win-back-persuadables", "leave-alone", "everyone-else").indexOf(expected)]++;
        }
        for (long count : counts) {
            assertTrue(count > 0, "every rule should take someone: " + Arrays.toString(counts));
        }
        assertEquals(counts[0], summary.segmentCounts().get("win-back-persuadables"));
    }

    @Test
    void aRuleOnACampaignTheRunDoesNotScoreIsRefusedBeforeAnyRowAndNothingIsPublished() throws IOException {
        Path rules = dir.resolve("segments.json");
        Files.writeString(rules, """
                {"segments": [{"name": "reactivate", "uplift": {"spring-sale": "persuadables"}}, {"name": "rest", "when": {}}]}
                """);
        DataException refused = assertThrows(DataException.class,
                () -> snapshot(base, SegmentPolicyFile.read(rules), List.of(campaign(CampaignModel.Selection.FOUND))));
        assertTrue(refused.getMessage().contains("segment 'reactivate'") && refused.getMessage().contains("'spring-sale'")
                && refused.getMessage().contains("it scores winback-email"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("LATEST")));
    }

    @Test
    void anUnknownGroupInARuleNamesTheSegmentAndCampaign() throws IOException {
        Path rules = dir.resolve("segments.json");
        Files.writeString(rules, """
                {"segments": [{"name": "keen", "uplift": {"winback-email": ["persuaded"]}}, {"name": "rest", "when": {}}]}
                """);
        DataException refused = assertThrows(DataException.class, () -> SegmentPolicyFile.read(rules));
        assertTrue(refused.getMessage().contains("segment 'keen', uplift campaign 'winback-email'")
                && refused.getMessage().contains("'persuaded'"), refused.getMessage());
    }

    /** The base without the plan, which the uplift model reads and the conversion model does not. */
    private Path baseWithoutPlan() throws IOException {
        CustomerTable table = CustomerTable.read(base, null);
        int drop = table.columnIndex("plan");
        Path file = dir.resolve("no-plan.csv");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(table.header());
            header.remove(drop);
            out.printRecord(header);
            for (String[] row : table.rows()) {
                List<String> cells = new ArrayList<>(Arrays.asList(row));
                cells.remove(drop);
                out.printRecord(cells);
            }
        }
        return file;
    }

    @Test
    void aNamedCampaignTheBaseCannotFeedIsRefusedNamingTheCampaignAndColumns() throws IOException {
        Path lacking = baseWithoutPlan();
        List<CampaignModel> named = List.of(campaign(CampaignModel.Selection.NAMED));
        ModelChoice tasksNotReadingIt = new ModelChoice(models, List.of(Task.CONVERSION));
        DataException refused = assertThrows(DataException.class, () -> new RescoreJob().run(new RescoreRequest(
                ScoringInput.of(lacking, "customer_id"), tasksNotReadingIt, new ScoresDestination.Snapshot(dir.resolve("snapshots"), false),
                SegmentPolicy.defaults(), 0.001, 2, named)));
        assertTrue(refused.getMessage().contains("uplift campaign 'winback-email'") && refused.getMessage().contains("column plan"),
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve("LATEST")));
    }

    @Test
    void aCampaignOnlyFoundInTheStoreThatTheBaseCannotFeedIsSkippedAndRecorded() throws IOException {
        Path lacking = baseWithoutPlan();
        RescoreSummary summary = new RescoreJob().run(new RescoreRequest(ScoringInput.of(lacking, "customer_id"),
                new ModelChoice(models, List.of(Task.CONVERSION)),
                new ScoresDestination.Snapshot(dir.resolve("snapshots"), false), SegmentPolicy.defaults(), 0.001, 2,
                List.of(campaign(CampaignModel.Selection.FOUND))));
        CustomerTable scores = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        assertFalse(scores.header().contains(CAMPAIGN + "_uplift"));
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        assertEquals(0, manifest.path("uplift").size(), "a run that had uplift models records that it scored none");
        assertTrue(manifest.path("uplift_skipped").path(CAMPAIGN).asText().contains("plan"), manifest.toString());
    }
}
