// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.data.RecordBatch;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seam the Spark job scores through: rows fed in batches of the caller's choosing come out as the CLI's scores
 * file has them, and drift counted in parts and added up is the CLI's drift report.
 */
class BaseScoringTest {
    private static final Path SAMPLE = Path.of("training-data", "customers.csv");
    private static final Path MODELS = Path.of("models");

    @Test
    void scoresRowsFedInPartsAsTheCliScoresTheFile(@TempDir Path work) throws IOException {
        RescoreSummary cli = new RescoreJob().run(new RescoreRequest(new ScoringInput(SAMPLE, null, "customer_id", List.of("region")),
                ModelChoice.everyCurrent(MODELS), new ScoresDestination.Snapshot(work, false), SegmentPolicy.defaults(), 0.001, 2));

        Map<Task, ModelBundle> bundles = new LinkedHashMap<>();
        ModelStore store = new ModelStore(MODELS);
        for (Task task : List.of(Task.CHURN, Task.PURCHASE, Task.CONVERSION)) {
            bundles.put(task, store.loadCurrent(task));
        }
        List<String[]> lines = records(SAMPLE);
        List<String> header = List.of(lines.get(0));
        BaseScoring scoring = BaseScoring.prepare(new ScoringInput(SAMPLE, null, "customer_id", List.of("region")), header,
                new RunModels(bundles, MODELS, List.of(), Optional.empty()), SegmentPolicy.defaults());
        assertEquals(header(cli.snapshot().resolve("scores.csv")).subList(0, scoring.scoredColumns().size()), scoring.scoredColumns());

        Map<String, List<String>> scored = new HashMap<>();
        ScoredRowSink sink = row -> {
            List<String> values = new ArrayList<>(List.of(row.segment(), row.keptValue(0)));
            for (int t = 0; t < row.tasks(); t++) {
                RowScore score = row.score(t);
                values.add(String.format(java.util.Locale.ROOT, "%.6f", score.probability()));
                values.add(Long.toString(score.score()));
                values.add(score.band().label());
                for (int slot = 0; slot < ReasonBuilder.REASONS; slot++) {
                    values.add(score.reason(slot));
                }
            }
            scored.put(row.id(), values);
        };
        // Two parts of uneven batches, each with its own drift counts, added up afterwards (as partitions are).
        DriftCounts whole = scoring.newDriftCounts();
        for (int[] part : new int[][]{{1, 1800}, {1801, lines.size() - 1}}) {
            DriftCounts counts = scoring.newDriftCounts();
            for (int from = part[0]; from <= part[1]; from += 700) {
                int to = Math.min(part[1], from + 699);
                String[][] rows = new String[to - from + 1][];
                long[] positions = new long[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = lines.get(from + i);
                    positions[i] = from + i + 1;
                }
                BaseScoring.Outcome outcome = scoring.score(new RecordBatch(rows, positions, rows.length, null), sink, counts);
                assertEquals(rows.length, outcome.scored());
                assertTrue(outcome.badRows().isEmpty());
            }
            whole.add(counts);
        }

        int compared = 0;
        try (Reader in = Files.newBufferedReader(cli.snapshot().resolve("scores.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord record : parser) {
                // The CLI's columns after the id and before the percentiles: segment, region, then six per task.
                List<String> expected = new ArrayList<>();
                for (int c = 1; c < 2 + 1 + 6 * 3; c++) {
                    expected.add(record.get(c));
                }
                assertEquals(expected, scored.get(record.get("customer_id")), record.get("customer_id"));
                compared++;
            }
        }
        assertEquals(lines.size() - 1, compared);
        ObjectMapper json = io.github.propensity.storage.JsonMappers.standard();
        assertEquals(json.readTree(cli.snapshot().resolve("drift.json").toFile()), json.valueToTree(scoring.driftReport(whole)));
    }

    @Test
    void refusesABaseWithTwoClvColumnsAndNoValueModelToChooseBetweenThem() {
        Map<Task, ModelBundle> bundles = Map.of(Task.CHURN, new ModelStore(MODELS).loadCurrent(Task.CHURN));
        List<String> header = new ArrayList<>(List.of(records(SAMPLE).get(0)));
        header.add("clv_365d");
        header.add("clv_180d");
        DataException failure = assertThrows(DataException.class, () -> BaseScoring.prepare(ScoringInput.of(SAMPLE, "customer_id"), header,
                new RunModels(bundles, MODELS, List.of(), Optional.empty()), SegmentPolicy.defaults()));
        assertTrue(failure.getMessage().startsWith("customers.csv: several CLV columns (clv_365d, clv_180d)"), failure.getMessage());
    }

    @Test
    void namesTheBaseAndAMissingIdColumnWithTheColumnsThereAre() {
        Map<Task, ModelBundle> bundles = Map.of(Task.CHURN, new ModelStore(MODELS).loadCurrent(Task.CHURN));
        DataException failure = assertThrows(DataException.class, () -> BaseScoring.prepare(ScoringInput.of(SAMPLE, "id"),
                List.of(records(SAMPLE).get(0)), new RunModels(bundles, MODELS, List.of(), Optional.empty()), SegmentPolicy.defaults()));
        assertTrue(failure.getMessage().startsWith("customers.csv: id column 'id' not found; the columns are: customer_id, email"),
                failure.getMessage());
    }

    /** Every record of a CSV, the header first, as the fields a reader gives. */
    private static List<String[]> records(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(in)) {
            List<String[]> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record.values());
            }
            return records;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> header(Path scores) throws IOException {
        return List.of(Files.readAllLines(scores).get(0).split(","));
    }
}
