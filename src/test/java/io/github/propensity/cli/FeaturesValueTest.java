// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code features --value}: the five value columns, point in time, and the published models it refuses. */
class FeaturesValueTest {
    private static final List<String> VALUE_COLUMNS_180D = List.of("expected_purchases_180d", "p_alive", "expected_order_value",
            "clv_180d", "expected_days_to_next_purchase");
    private static final String AS_OF = SimulatedOrderLog.CALIBRATION_END.toString();

    @TempDir
    static Path shared;
    static SimulatedOrderLog log;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeLog() throws IOException {
        log = SimulatedOrderLog.write(shared.resolve("orders.csv"), 1_200, 77);
    }

    private CliRun features(SimulatedOrderLog from, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("features"));
        args.addAll(from.options());
        args.addAll(List.of("--models", dir.resolve("models").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String fitValueModel(LocalDate calibrationEnd, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("value", "fit"));
        args.addAll(log.options());
        args.addAll(List.of("--models", dir.resolve("models").toString(), "--calibration-end", calibrationEnd.toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        CliRun fit = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, fit.exitCode(), fit.err());
        return new ObjectMapper().readTree(fit.lastStdoutLine()).get("version").asText();
    }

    /** Customer id to the value columns' cells, as written. */
    private static Map<String, List<String>> valueCells(Path csv, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(fields[header.indexOf(column)]);
            }
            cells.put(fields[0], values);
        }
        return cells;
    }

    @Test
    void valueAddsTheFiveColumnsNamedWithTheirHorizonFittedAtEachAsOfDate() throws IOException {
        Path out = dir.resolve("features.csv");
        CliRun run = features(log, out, "--as-of", "2024-01-31," + AS_OF, "--value", "--value-horizon", "180d");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).contains("," + String.join(",", VALUE_COLUMNS_180D) + ","), lines.get(0));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int asOf = header.indexOf("as_of");
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (!fields[asOf].equals(AS_OF)) {
                continue;
            }
            rows++;
            double expectedPurchases = Double.parseDouble(fields[header.indexOf(VALUE_COLUMNS_180D.get(0))]);
            double pAlive = Double.parseDouble(fields[header.indexOf("p_alive")]);
            double orderValue = Double.parseDouble(fields[header.indexOf("expected_order_value")]);
            double clv = Double.parseDouble(fields[header.indexOf(VALUE_COLUMNS_180D.get(3))]);
            double days = Double.parseDouble(fields[header.indexOf(VALUE_COLUMNS_180D.get(4))]);
            assertTrue(expectedPurchases >= 0 && pAlive > 0 && pAlive <= 1 && orderValue > 0 && clv >= 0 && days > 0, line);
        }
        assertTrue(rows > 1_000, "every customer with a purchase by the as-of date: " + rows);
        JsonNode models = new ObjectMapper().readTree(Path.of(out + ".meta.json").toFile()).get("value_models");
        assertEquals(2, models.size(), models.toString());
        for (JsonNode model : models) {
            assertEquals("fitted at the as-of date", model.get("source").asText());
            assertEquals(model.get("as_of").asText(), model.get("calibration_end").asText());
        }
        assertFalse(models.get(0).get("parameters").equals(models.get(1).get("parameters")), "each cut-off has its own fit");
    }

    @Test
    void transactionsAfterTheAsOfDateChangeNoValueColumn() throws IOException {
        Path before = dir.resolve("before.csv");
        assertEquals(ExitCode.OK, features(log, before, "--as-of", AS_OF, "--value", "--value-horizon", "180d").exitCode());

        Path grown = Files.copy(log.file(), dir.resolve("grown.csv"));
        SplittableRandom random = new SplittableRandom(5);
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String customer = random.nextBoolean() ? String.format("K%05d", random.nextInt(1_200)) : "NEW" + i;
            LocalDate day = SimulatedOrderLog.CALIBRATION_END.plusDays(1 + random.nextInt(120));
            later.add(customer + "," + day + "," + (random.nextInt(300) + 0.5));
        }
        Files.write(grown, later, StandardOpenOption.APPEND);
        Path after = dir.resolve("after.csv");
        CliRun rebuilt = features(SimulatedOrderLog.of(grown), after, "--as-of", AS_OF, "--value", "--value-horizon", "180d");
        assertEquals(ExitCode.OK, rebuilt.exitCode(), rebuilt.err());

        Map<String, List<String>> first = valueCells(before, VALUE_COLUMNS_180D);
        Map<String, List<String>> second = valueCells(after, VALUE_COLUMNS_180D);
        assertEquals(first.keySet(), second.keySet(), "nobody who first bought after the as-of date appears");
        first.forEach((customer, cells) -> assertEquals(cells, second.get(customer), customer));
    }

    @Test
    void aPublishedModelGivesTheColumnsOfTheFitAtTheAsOfDate() throws IOException {
        fitValueModel(SimulatedOrderLog.CALIBRATION_END, "--horizon", "180d");
        Path fitted = dir.resolve("fitted.csv");
        Path stored = dir.resolve("stored.csv");
        assertEquals(ExitCode.OK, features(log, fitted, "--as-of", AS_OF, "--value", "fit", "--value-horizon", "180d").exitCode());
        CliRun current = features(log, stored, "--as-of", AS_OF, "--value", "current");
        assertEquals(ExitCode.OK, current.exitCode(), current.err());
        assertEquals(valueCells(fitted, VALUE_COLUMNS_180D), valueCells(stored, VALUE_COLUMNS_180D),
                "the model published at the as-of date and the one fitted there are the same model");
    }

    @Test
    void withoutAPublishedValueModelCurrentFailsSayingHowToFitOne() {
        Path out = dir.resolve("f.csv");
        CliRun run = features(log, out, "--as-of", AS_OF, "--value", "current", "--label", "none");
        // Asking for a model that is not there is a usage error, refused before the log is read.
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("there is no value model in " + dir.resolve("models"))
                && run.err().contains("fit one with: propensity value fit"), run.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".meta.json")));
    }

    @Test
    void anUnknownValueVersionFailsNamingIt() {
        Path out = dir.resolve("f.csv");
        CliRun run = features(log, out, "--as-of", AS_OF, "--value", "20200101T000000Z-00000000", "--label", "none");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("no value model version 20200101T000000Z-00000000"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aModelFittedAfterTheAsOfDateIsRefusedWhenLabelsAreComputed() throws IOException {
        String version = fitValueModel(SimulatedOrderLog.CALIBRATION_END);
        Path out = dir.resolve("f.csv");
        String earlier = "2024-02-29";
        CliRun labelled = features(log, out, "--as-of", earlier, "--value", "current");
        assertEquals(ExitCode.USAGE, labelled.exitCode(), labelled.err());
        assertTrue(labelled.err().contains("value model " + version + " was fitted on transactions up to 2024-03-31, after the as-of date "
                + earlier) && labelled.err().contains("use --value fit"), labelled.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".meta.json")));

        // Scoring features carry no labels, so the later model is allowed there, with a warning.
        CliRun forScoring = features(log, out, "--as-of", earlier, "--value", "current", "--label", "none");
        assertEquals(ExitCode.OK, forScoring.exitCode(), forScoring.err());
        assertTrue(forScoring.err().contains("warning: as-of " + earlier + ": value model " + version), forScoring.err());
    }
}
