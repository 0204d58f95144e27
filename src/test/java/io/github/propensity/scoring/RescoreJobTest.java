// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.sample.SampleWriter;
import io.github.propensity.training.BundleAssembler;
import io.github.propensity.training.CandidateGrid;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.PropensityTrainer;
import io.github.propensity.training.TableEncoding;
import io.github.propensity.model.Task;
import io.github.propensity.training.TrainingRequest;
import io.github.propensity.training.XGBoostSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

class RescoreJobTest {
    @TempDir
    static Path shared;
    static Path models;
    static Path base;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainModels() throws IOException {
        Path training = shared.resolve("train.csv");
        SampleWriter.write(training, null, 3000, 5);
        base = shared.resolve("base.csv");
        SampleWriter.write(base, null, 2500, 6);
        models = shared.resolve("models");
        ModelStore store = new ModelStore(models);
        CandidateGrid quick = new CandidateGrid(List.of(new LogisticSpec(1.0)),
                List.of(new XGBoostSpec(3, 60, 0.1, 0.8, 0.8, 1, 1)));
        String[][] labels = {{"churn", "churned"}, {"purchase", "purchased_30d"}, {"conversion", "converted"}};
        for (String[] label : labels) {
            List<String> drop = new ArrayList<>(List.of("email", "phone", "churned", "purchased_30d", "converted"));
            drop.remove(label[1]);
            var outcome = new PropensityTrainer(quick).train(new TrainingRequest(Task.parse(label[0]), training,
                    new LabelSpec(label[1], "yes"), "customer_id", drop, null, 1, 0.2, 1));
            store.publish(Task.parse(label[0]), new BundleAssembler().assemble(outcome));
        }
    }

    private static RescoreRequest request(Path data, ScoresDestination destination, double maxBad) {
        return new RescoreRequest(ScoringInput.of(data, "customer_id"), ModelChoice.everyCurrent(models), destination,
                SegmentPolicy.defaults(), maxBad, 2);
    }

    private static ScoresDestination.Snapshot snapshotIn(Path snapshots) {
        return new ScoresDestination.Snapshot(snapshots, false);
    }

    private static Map<String, String[]> rowsById(Path scores) {
        CustomerTable table = CustomerTable.read(scores, null);
        Map<String, String[]> byId = new HashMap<>();
        for (String[] row : table.rows()) {
            byId.put(row[0], row);
        }
        return byId;
    }

    @Test
    void snapshotScoresEqualADirectModelCallForTheSameRows() {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        Path scores = summary.snapshot().resolve("scores.csv");
        CustomerTable written = CustomerTable.read(scores, null);
        assertEquals(2500, written.rowCount());
        CustomerTable input = CustomerTable.read(base, null);
        ModelStore store = new ModelStore(models);
        for (Task task : Task.values()) {
            ModelBundle bundle = store.loadCurrent(task);
            int[] rows = IntStream.range(0, input.rowCount()).toArray();
            double[] direct = bundle.model().probabilities(TableEncoding.encode(input, bundle.model().encoder(), rows));
            int column = written.columnIndex(task.id() + "_probability");
            for (int i = 0; i < rows.length; i++) {
                assertEquals(input.value(i, 0), written.value(i, 0), "rows keep the input order");
                assertEquals(direct[i], Double.parseDouble(written.value(i, column)), 5e-7, task + " row " + i);
            }
        }
    }

    @Test
    void percentilesAndBandsAreConsistentWithProbabilities() {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        CustomerTable written = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        BandCutoffs.Thresholds thresholds = summary.manifest().models().get("churn").thresholds();
        int p = written.columnIndex("churn_probability");
        int pct = written.columnIndex("churn_percentile");
        int band = written.columnIndex("churn_band");
        int score = written.columnIndex("churn_score");
        for (int i = 0; i < written.rowCount(); i++) {
            double probability = Double.parseDouble(written.value(i, p));
            assertEquals(Math.round(probability * 100), Long.parseLong(written.value(i, score)));
            assertEquals(thresholds.band(probability).label(), written.value(i, band));
            for (int j = 0; j < 50; j++) {
                double other = Double.parseDouble(written.value(j, p));
                if (other < probability) {
                    // Percentiles are printed to 0.1, so close ranks can share one: never higher is the promise.
                    assertTrue(Double.parseDouble(written.value(j, pct)) <= Double.parseDouble(written.value(i, pct)),
                            "a lower probability never has a higher percentile");
                }
            }
        }
        double top = written.rows().stream().mapToDouble(r -> Double.parseDouble(r[pct])).max().orElseThrow();
        assertEquals(100.0, top, 1e-9);
    }

    @Test
    void everyCustomerHasExactlyOneSegmentAndCountsAddUp() throws IOException {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        assertEquals(2500L, summary.segmentCounts().values().stream().mapToLong(Long::longValue).sum());
        JsonNode segments = new ObjectMapper().readTree(summary.snapshot().resolve("segments.json").toFile());
        assertEquals(2500, segments.get("customers").asInt());
        CustomerTable written = CustomerTable.read(summary.snapshot().resolve("scores.csv"), null);
        int segment = written.columnIndex("segment");
        for (String[] row : written.rows()) {
            assertTrue(SegmentPolicy.defaults().names().contains(row[segment]));
        }
    }

    @Test
    void migrationMatrixAccountsForEveryCustomerInBothSnapshots() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        new RescoreJob().run(request(base, snapshotIn(snapshots), 0.001));
        // The next week: the first 500 customers are gone, 300 new ones arrived.
        Path nextWeek = dir.resolve("next.csv");
        List<String> lines = Files.readAllLines(base);
        List<String> next = new ArrayList<>();
        next.add(lines.get(0));
        next.addAll(lines.subList(501, lines.size()));
        SampleWriter.write(dir.resolve("new.csv"), null, 300, 99);
        List<String> newcomers = Files.readAllLines(dir.resolve("new.csv"));
        for (String line : newcomers.subList(1, newcomers.size())) {
            next.add("N" + line);
        }
        Files.write(nextWeek, next);
        RescoreSummary second = new RescoreJob().run(request(nextWeek, snapshotIn(snapshots), 0.001));
        assertEquals(2500, second.manifest().previousSnapshotCustomers());
        long fromPrevious = 0;
        long toCurrent = 0;
        long gone = 0;
        long added = 0;
        for (String[] row : CustomerTable.read(second.snapshot().resolve("migration.csv"), null).rows()) {
            if (!row[0].equals("segment")) {
                continue;
            }
            long customers = Long.parseLong(row[3]);
            fromPrevious += row[1].equals(Migration.NEW) ? 0 : customers;
            toCurrent += row[2].equals(Migration.GONE) ? 0 : customers;
            gone += row[2].equals(Migration.GONE) ? customers : 0;
            added += row[1].equals(Migration.NEW) ? customers : 0;
        }
        assertEquals(2500, fromPrevious, "every customer of the previous snapshot appears once");
        assertEquals(2300, toCurrent, "every customer of this snapshot appears once");
        assertEquals(500, gone);
        assertEquals(300, added);
    }

    @Test
    void aKilledRunLeavesLatestOnThePreviousCompleteSnapshot() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        RescoreSummary first = new RescoreJob().run(request(base, snapshotIn(snapshots), 0.001));
        // What a run killed mid-way leaves: a staging directory with a partial scores file.
        Path staging = Files.createDirectory(snapshots.resolve(".staging-killed"));
        Files.writeString(staging.resolve(".scores.partial"), "C1,steady,0.1", StandardCharsets.UTF_8);
        SnapshotStore store = new SnapshotStore(snapshots);
        assertEquals(first.snapshot(), store.latest().orElseThrow());
        // The next run cleans it up and publishes normally.
        RescoreSummary second = new RescoreJob().run(request(base, snapshotIn(snapshots), 0.001));
        assertFalse(Files.exists(staging));
        assertEquals(second.snapshot(), store.latest().orElseThrow());
    }

    @Test
    void snapshotsAreNamedAfterTheJobsClockAndASecondRunInTheSameSecondGetsASuffix() {
        Path snapshots = dir.resolve("snapshots");
        Instant at = Instant.parse("2026-12-01T06:30:15Z");
        Clock fixed = Clock.fixed(at, ZoneOffset.UTC);
        RescoreSummary first = new RescoreJob(fixed).run(request(base, new ScoresDestination.Snapshot(snapshots, false), 0.001));
        RescoreSummary second = new RescoreJob(fixed).run(request(base, new ScoresDestination.Snapshot(snapshots, false), 0.001));
        assertEquals(snapshots.resolve("20261201T063015Z"), first.snapshot());
        assertEquals(snapshots.resolve("20261201T063015Z-2"), second.snapshot());
        assertEquals(at, first.manifest().timing().startedAt());
        assertEquals(at, first.manifest().timing().finishedAt());
        assertEquals(second.snapshot(), new SnapshotStore(snapshots).latest().orElseThrow());
    }

    @Test
    void tooManyBadRowsFailWithoutASnapshotAndFewAreReportedWithLineNumbers() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(base));
        lines.set(10, lines.get(10) + ",extra");                               // ragged: line 11
        lines.set(20, lines.get(20).replaceFirst(",(yes|no),", ",maybe,"));    // auto_renew not yes/no: line 21
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, lines);
        Path snapshots = dir.resolve("snapshots");
        DataException error = assertThrows(DataException.class, () -> new RescoreJob().run(request(broken, snapshotIn(snapshots), 0.0005)));
        assertTrue(error.getMessage().contains("2 of 2500 rows cannot be scored"), error.getMessage());
        assertTrue(new SnapshotStore(snapshots).latest().isEmpty(), "no snapshot after a failed run");

        RescoreSummary tolerated = new RescoreJob().run(request(broken, snapshotIn(snapshots), 0.001));
        assertEquals(2, tolerated.manifest().rejected().count());
        assertEquals(2498, tolerated.manifest().input().scored());
        List<Long> badLines = tolerated.manifest().rejected().examples().stream().map(BadRow::line).toList();
        assertEquals(List.of(11L, 21L), badLines);
        assertEquals("auto_renew", tolerated.manifest().rejected().examples().get(1).column());
    }

    @Test
    void aMissingFeatureColumnIsAnErrorBeforeAnyWork() throws IOException {
        List<String> lines = Files.readAllLines(base);
        Path stripped = dir.resolve("no-tenure.csv");
        Files.write(stripped, lines.stream().map(l -> l.replaceFirst("^((?:[^,]*,){8})[^,]*,", "$1")).toList());
        Path snapshots = dir.resolve("snapshots");
        DataException error = assertThrows(DataException.class, () -> new RescoreJob().run(request(stripped, snapshotIn(snapshots), 0.001)));
        assertTrue(error.getMessage().contains("tenure_days"), error.getMessage());
    }

    @Test
    void outWritesOnlyTheScoresFile() {
        Path out = dir.resolve("exports").resolve("scores.csv");
        RescoreSummary summary = new RescoreJob().run(request(base, new ScoresDestination.File(out), 0.001));
        assertEquals(null, summary.snapshot());
        assertEquals(2500, CustomerTable.read(out, null).rowCount());
        assertFalse(Files.exists(dir.resolve("snapshots")));
    }

    @Test
    void aSecondRunOnTheSameDirectoryIsRefusedWhileTheFirstHoldsTheLock() {
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        try (SnapshotStore.Lock held = store.lock()) {
            assertThrows(SnapshotStore.SnapshotLockedException.class,
                    () -> new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001)));
        }
    }

    @Test
    void aPublishedSnapshotHoldsExactlyItsFilesAndNothingTemporary() throws IOException {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        try (Stream<Path> files = Files.list(summary.snapshot())) {
            assertEquals(List.of("drift.json", "manifest.json", "migration.csv", "scores.csv", "segments.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theManifestIsOneFlatObjectInItsKnownLayout() throws IOException {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        JsonNode manifest = new ObjectMapper().readTree(summary.snapshot().resolve("manifest.json").toFile());
        List<String> fields = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("snapshot", "started_at", "finished_at", "seconds", "rows_per_second", "input_file", "input_sha256",
                "id_column", "rows", "scored", "bad_rows", "max_bad_row_share", "bad_row_examples", "duplicate_ids", "models",
                "scores_file", "band_cutoffs", "segments", "previous_snapshot_customers"), fields);
        assertEquals(List.of("churn", "purchase", "conversion"), StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(manifest.get("models").fieldNames(), 0), false).toList());
        assertEquals(2500, manifest.get("scored").asInt());
    }

    /** The base with the ids of lines 6 and 101 given again, on new lines 2502 and 2503, to other customers' values. */
    private Path baseWithRepeatedIds() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(base));
        lines.add(idOf(lines.get(5)) + lines.get(10).substring(lines.get(10).indexOf(',')));
        lines.add(idOf(lines.get(100)) + lines.get(200).substring(lines.get(200).indexOf(',')));
        Path repeated = dir.resolve("repeated.csv");
        Files.write(repeated, lines);
        return repeated;
    }

    private static String idOf(String line) {
        return line.substring(0, line.indexOf(','));
    }

    @Test
    void repeatedIdsAreBadRowsScoredOnlyOnTheirFirstLine() throws IOException {
        Map<String, String[]> once = rowsById(new RescoreJob().run(request(base, snapshotIn(dir.resolve("once")), 0.001))
                .snapshot().resolve("scores.csv"));
        RescoreSummary summary = new RescoreJob().run(request(baseWithRepeatedIds(), snapshotIn(dir.resolve("twice")), 0.001));

        assertEquals(2502, summary.manifest().input().rows());
        assertEquals(2500, summary.manifest().input().scored());
        assertEquals(2, summary.manifest().rejected().count());
        assertEquals(2, summary.manifest().rejected().repeatedIds());
        assertEquals(List.of(new BadRow(2502, null, "repeats the id of line 6"), new BadRow(2503, null, "repeats the id of line 101")),
                summary.manifest().rejected().examples());
        assertEquals(2500L, summary.segmentCounts().values().stream().mapToLong(Long::longValue).sum());
        Path scores = summary.snapshot().resolve("scores.csv");
        CustomerTable written = CustomerTable.read(scores, null);
        assertEquals(2500, written.rowCount());
        Map<String, String[]> byId = rowsById(scores);
        assertEquals(2500, byId.size(), "each id once");
        List<String> lines = Files.readAllLines(base);
        for (String id : List.of(idOf(lines.get(5)), idOf(lines.get(100)))) {
            assertEquals(List.of(once.get(id)), List.of(byId.get(id)), "the first occurrence is the one scored: " + id);
        }
        String manifest = Files.readString(summary.snapshot().resolve("manifest.json"));
        assertFalse(manifest.contains(idOf(lines.get(5))), "no customer id in the manifest");
    }

    @Test
    void repeatedIdsCountTowardsTheBadRowLimit() throws IOException {
        Path repeated = baseWithRepeatedIds();
        DataException error = assertThrows(DataException.class,
                () -> new RescoreJob().run(request(repeated, snapshotIn(dir.resolve("snapshots")), 0.0005)));
        assertTrue(error.getMessage().contains("2 of 2502 rows cannot be scored"), error.getMessage());
        assertTrue(error.getMessage().contains("line 2502: repeats the id of line 6"), error.getMessage());
    }

    /** The base with its id column called {@code id}. */
    private Path baseWithIdColumn(String name) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(base));
        assertTrue(lines.get(0).startsWith("customer_id,"));
        lines.set(0, name + lines.get(0).substring("customer_id".length()));
        Path renamed = dir.resolve("base-" + name + ".csv");
        Files.write(renamed, lines);
        return renamed;
    }

    private static RescoreRequest requestById(Path data, String idColumn, ScoresDestination destination) {
        return new RescoreRequest(ScoringInput.of(data, idColumn), ModelChoice.everyCurrent(models), destination,
                SegmentPolicy.defaults(), 0.001, 2);
    }

    @Test
    void theScoresFileNamesItsIdColumnAsTheInputDoes() throws IOException {
        Path renamed = baseWithIdColumn("id");
        RescoreSummary snapshot = new RescoreJob().run(requestById(renamed, "id", snapshotIn(dir.resolve("snapshots"))));
        assertEquals("id", CustomerTable.read(snapshot.snapshot().resolve("scores.csv"), null).header().get(0));
        assertEquals("id", new ObjectMapper().readTree(snapshot.snapshot().resolve("manifest.json").toFile()).get("id_column").asText());

        Path out = dir.resolve("scores-out.csv");
        new RescoreJob().run(requestById(renamed, "id", new ScoresDestination.File(out)));
        assertEquals("id", CustomerTable.read(out, null).header().get(0));

        RescoreSummary again = new RescoreJob().run(requestById(renamed, "id", snapshotIn(dir.resolve("snapshots"))));
        assertEquals(Map.of(), newcomersAndLeavers(again.snapshot()), "every customer is found in the previous snapshot");
    }

    @Test
    void migrationReadsAnOldSnapshotWhoseIdColumnIsCustomerId() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        RescoreSummary old = new RescoreJob().run(request(base, snapshotIn(snapshots), 0.001));
        // Snapshots made before the manifest named the id column: no id_column, and the scores file says customer_id.
        Path manifest = old.snapshot().resolve("manifest.json");
        com.fasterxml.jackson.databind.node.ObjectNode fields = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        fields.remove("id_column");
        new ObjectMapper().writeValue(manifest.toFile(), fields);

        RescoreSummary next = new RescoreJob().run(requestById(baseWithIdColumn("id"), "id", snapshotIn(snapshots)));
        assertEquals(2500, next.manifest().previousSnapshotCustomers());
        assertEquals(Map.of(), newcomersAndLeavers(next.snapshot()));
    }

    /** Segment migration rows from (new) or to (gone), with their counts. */
    private static Map<String, Long> newcomersAndLeavers(Path snapshot) {
        Map<String, Long> found = new HashMap<>();
        for (String[] row : CustomerTable.read(snapshot.resolve("migration.csv"), null).rows()) {
            if (row[1].equals(Migration.NEW) || row[2].equals(Migration.GONE)) {
                found.merge(row[0] + ":" + row[1] + "->" + row[2], Long.parseLong(row[3]), Long::sum);
            }
        }
        return found;
    }

    @Test
    void driftIsMeasuredForEveryFeatureAndScore() {
        RescoreSummary summary = new RescoreJob().run(request(base, snapshotIn(dir.resolve("snapshots")), 0.001));
        DriftReport.TaskDrift churn = summary.drift().tasks().get("churn");
        assertTrue(churn.features().size() > 10);
        // Same generative story, another seed: nothing should have drifted.
        assertTrue(churn.features().stream().noneMatch(DriftReport.FeatureDrift::flagged), churn.features().toString());
        assertTrue(churn.scorePsi() < 0.05, "score PSI " + churn.scorePsi());
    }
}
