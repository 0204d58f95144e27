// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.value.ValueBundle;
import io.github.propensity.value.ValueStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code value fit} on a log simulated from known parameters, and every bad input it must refuse without writing. */
class ValueFitCommandTest {
    @TempDir
    static Path shared;
    static SimulatedOrderLog log;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeLog() throws IOException {
        log = SimulatedOrderLog.write(shared.resolve("orders.csv"), 1_500, 2024);
    }

    private CliRun fit(SimulatedOrderLog from, String... extra) {
        List<String> args = new ArrayList<>(List.of("value", "fit"));
        args.addAll(from.options());
        args.addAll(List.of("--models", dir.resolve("models").toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertRefusedWithoutWriting(CliRun run, int exitCode, String... fragments) {
        assertEquals(exitCode, run.exitCode(), run.err());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "expected '" + fragment + "' in: " + run.err());
        }
        assertFalse(Files.exists(dir.resolve("models").resolve(ValueStore.KIND)), "a value folder was written");
        assertTrue(run.out().isBlank(), "no JSON result: " + run.out());
    }

    @Test
    void fitsPublishesAndSummarisesTheSimulatedLog() throws IOException {
        CliRun run = fit(log, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine());
        String version = summary.get("version").asText();
        Path bundle = dir.resolve("models").resolve("value").resolve(version);
        for (String name : List.of("value.json", "card.json", "card.md", BundleManifest.FILE)) {
            assertTrue(Files.isRegularFile(bundle.resolve(name)), name);
        }
        assertEquals("bgnbd", summary.get("purchase_model").asText());
        assertTrue(summary.get("converged").asBoolean());
        assertFalse(summary.has("holdout"));

        ValueBundle published = new ValueStore(dir.resolve("models")).loadCurrent();
        assertEquals(version, published.version());
        Map<String, Double> parameters = new LinkedHashMap<>(published.model().purchases().parameters());
        parameters.put("p", published.model().orderValue().p());
        parameters.put("q", published.model().orderValue().q());
        parameters.put("gamma", published.model().orderValue().gamma());
        assertEquals(List.of("r", "alpha", "a", "b", "p", "q", "gamma"), List.copyOf(parameters.keySet()));
        parameters.forEach((name, value) -> assertEquals(value, summary.get("parameters").get(name).asDouble(), 0.0, name));

        // The log was simulated from known parameters: the fit on it finds them within three standard errors.
        JsonNode card = new ObjectMapper().readTree(bundle.resolve("card.json").toFile());
        double[] purchases = {SimulatedOrderLog.PURCHASES.r(), SimulatedOrderLog.PURCHASES.alpha(), SimulatedOrderLog.PURCHASES.a(),
                SimulatedOrderLog.PURCHASES.b()};
        assertWithinThreeStandardErrors(card.get("purchases").get("fit").get("estimates"), purchases);
        assertWithinThreeStandardErrors(card.get("gamma_gamma").get("estimates"), new double[]{SimulatedOrderLog.ORDER_VALUE.p(),
                SimulatedOrderLog.ORDER_VALUE.q(), SimulatedOrderLog.ORDER_VALUE.gamma()});
        assertEquals(SimulatedOrderLog.CALIBRATION_END, published.file().calibrationEnd());
        assertTrue(run.err().contains("published value model " + version), run.err());
    }

    @Test
    void modelsListShowsThePublishedValueModel() throws IOException {
        CliRun run = fit(log, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        String version = new ObjectMapper().readTree(run.lastStdoutLine()).get("version").asText();
        CliRun list = CliRun.of("models", "list", "--models", dir.resolve("models").toString());
        assertEquals(ExitCode.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("* value") && list.out().contains(version) && list.out().contains(ValueStore.FAMILY),
                list.out() + list.err());
    }

    private static void assertWithinThreeStandardErrors(JsonNode estimates, double[] truth) {
        for (int i = 0; i < truth.length; i++) {
            JsonNode estimate = estimates.get(i);
            double se = estimate.get("standard_error").asDouble();
            assertTrue(se > 0, estimate.toString());
            assertEquals(truth[i], estimate.get("value").asDouble(), 3 * se, estimate.toString());
        }
    }

    @Test
    void aHoldoutEndAddsTheHoldoutCheckToTheSummaryAndTheCard() throws IOException {
        CliRun run = fit(log, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString(), "--holdout-end", log.lastDate().toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.lastStdoutLine());
        JsonNode holdout = summary.get("holdout");
        assertEquals((log.lastDate().toEpochDay() - SimulatedOrderLog.CALIBRATION_END.toEpochDay()) / 7.0, holdout.get("weeks").asDouble(), 1e-12);
        assertEquals("bgnbd", holdout.get("model").get("method").asText());
        assertTrue(holdout.has("rate_x_horizon") && holdout.has("poisson_gbm"), holdout.toString());
        Path bundle = dir.resolve("models").resolve("value").resolve(summary.get("version").asText());
        JsonNode card = new ObjectMapper().readTree(bundle.resolve("card.json").toFile());
        assertEquals(log.lastDate().toString(), card.get("data").get("holdout_end").asText());
        double auc = card.get("holdout").get("model").get("auc_any_purchase").asDouble();
        assertTrue(auc > 0.6 && auc <= 1, "the model ranks who buys again in the holdout: " + auc);
        assertTrue(run.err().contains("holdout " + SimulatedOrderLog.CALIBRATION_END + " to " + log.lastDate()), run.err());
    }

    @Test
    void aLogWithoutRepeatPurchasesIsBadData() throws IOException {
        SimulatedOrderLog once = log.firstPurchasesOnly(dir.resolve("once.csv"));
        assertRefusedWithoutWriting(fit(once, "--calibration-end", once.lastDate().toString()), ExitCode.BAD_DATA,
                "error: bad data: only 0 of 1500 customers bought again", "at least 20 repeat buyers");
    }

    @Test
    void aLogWhoseAmountsAreAllZeroIsBadData() throws IOException {
        SimulatedOrderLog free = log.withAmount(dir.resolve("free.csv"), "0");
        assertRefusedWithoutWriting(fit(free, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString()), ExitCode.BAD_DATA,
                "error: bad data: only 0 customers have repeat purchases worth more than 0", "more have only $0 or returned repeat orders",
                "check the amount column");
    }

    @Test
    void aCalibrationEndOutsideTheLogIsBadData() {
        String runs = "which runs from " + log.firstDate() + " to " + log.lastDate();
        assertRefusedWithoutWriting(fit(log, "--calibration-end", log.firstDate().minusDays(1).toString()), ExitCode.BAD_DATA,
                "the calibration end " + log.firstDate().minusDays(1) + " is outside the log", runs);
        assertRefusedWithoutWriting(fit(log, "--calibration-end", log.lastDate().plusDays(1).toString()), ExitCode.BAD_DATA,
                "the calibration end " + log.lastDate().plusDays(1) + " is outside the log", runs);
    }

    @Test
    void aHoldoutEndNotAfterTheCalibrationEndIsAUsageError() {
        for (String holdoutEnd : List.of("2024-03-01", SimulatedOrderLog.CALIBRATION_END.toString())) {
            assertRefusedWithoutWriting(fit(log, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString(), "--holdout-end", holdoutEnd),
                    ExitCode.USAGE, "the holdout end (" + holdoutEnd + ") must come after the calibration end (2024-03-31)");
        }
    }

    @Test
    void aHoldoutEndAfterTheLogIsBadData() {
        String late = log.lastDate().plusDays(1).toString();
        assertRefusedWithoutWriting(fit(log, "--calibration-end", SimulatedOrderLog.CALIBRATION_END.toString(), "--holdout-end", late),
                ExitCode.BAD_DATA, "the holdout end " + late + " is after the log's last transaction (" + log.lastDate() + ")",
                "choose a holdout end on or before " + log.lastDate());
    }

    @Test
    void noTemporaryFilesAreLeftBehindByARefusedFit() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        fit(log, "--calibration-end", log.lastDate().plusDays(1).toString());
        try (Stream<Path> files = Files.walk(dir.resolve("models"))) {
            assertEquals(List.of(dir.resolve("models")), files.toList());
        }
    }
}
