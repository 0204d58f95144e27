// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.backtest.BacktestRequest;
import io.github.propensity.backtest.Backtester;
import io.github.propensity.cli.Main;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.github.propensity.training.LabelSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's Model health, Personas and Value sections in headless Chromium, against a real server whose model
 * directory holds the committed models with their cards, a value model fitted on the shipped transaction log and a
 * persona model, and whose snapshot directory holds four snapshots (the last with CLVs) and a backtest ledger. Every
 * number read from the page is compared with the files on disk; a screenshot of each section goes under
 * {@code target/screenshots/}. Skipped where Chromium or its driver is absent.
 */
class DashboardHealthBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VALUE_HORIZON_DAYS = 180;

    @TempDir
    static Path dir;
    static Path models;
    static Path snapshots;
    static TestServer server;
    static String readKey;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        models = dir.resolve("models");
        TestServer.copyModels(models);
        fitValueModel(models);
        PersonasEndpointTest.fit(BacktestFixtures.base(dir.resolve("persona-base.csv"), 1500, 5), models, 5);
        snapshots = dir.resolve("snapshots");
        List<SnapshotHistoryFixture.Week> weeks = new ArrayList<>(SnapshotHistoryFixture.build(dir, models, snapshots));
        Path valued = withClv(weeks.get(weeks.size() - 1).base(), dir.resolve("base-with-clv.csv"));
        weeks.add(new SnapshotHistoryFixture.Week(valued, new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(valued, "customer_id"),
                models, new ScoresDestination.Snapshot(snapshots, false), 2)).snapshot()));
        BacktestLedger ledger = new BacktestLedger(snapshots);
        for (SnapshotHistoryFixture.Week week : weeks) {
            ledger.append(new Backtester(Clock.systemUTC()).run(new BacktestRequest(week.snapshot(), week.base(), "customer_id", Task.CHURN,
                    new LabelSpec("churned", "yes"), models, null)));
        }
        server = new TestServer(models, snapshots, ApiKeys.load(keys), 64 * 1024);
        browser = HeadlessChromium.start();
    }

    /** The value fit as a user runs it, on the shipped log (its quantity times unit price is the line value). */
    private static void fitValueModel(Path models) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "value", "fit", "--transactions",
                Path.of("training-data", "transactions.csv").toString(), "--customer", "customer_id", "--date", "order_time",
                "--quantity", "quantity", "--price", "unit_price", "--invoice", "invoice", "--calibration-end", "2024-06-30",
                "--horizon", VALUE_HORIZON_DAYS + "d", "--models", models.toString(), "--threads", "1");
        assertEquals(0, code, err.toString());
    }

    /** The base with a CLV column of the value model's horizon: every 50th customer without one, the rest 0-299. */
    private static Path withClv(Path base, Path target) throws IOException {
        List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",clv_" + VALUE_HORIZON_DAYS + "d");
        for (int row = 1; row < lines.size(); row++) {
            out.add(lines.get(row) + "," + (row % 50 == 7 ? "" : String.valueOf((row * 37) % 300)));
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }

    @AfterAll
    static void stop() {
        HeadlessChromium.stop(browser, server);
    }

    @Test
    void showsTheCardsTheLedgerThePersonasAndTheValueBandsAsStoredWithoutConsoleErrors() throws Exception {
        HeadlessChromium.signIn(browser, server, readKey);
        assertEquals(List.of(), HeadlessChromium.severe(browser), "console errors");
        for (String section : List.of("health", "personas", "value")) {
            assertEquals(1, browser.findElements(By.cssSelector("nav a[href='#" + section + "']")).size(), "a link to #" + section);
        }
        checkModelHealth();
        checkBacktests();
        checkPersonas();
        checkValue();
        for (String section : List.of("health", "personas", "value")) {
            HeadlessChromium.screenshot(browser, section, By.id(section));
        }
        for (Task task : Task.values()) {
            HeadlessChromium.screenshot(browser, "health-" + task.id(), By.cssSelector("article.task-health[data-task=" + task.id() + "]"));
        }
    }

    /** Per task: the served version, and the card's headline figures, deciles and calibration bins as card.json holds them. */
    private static void checkModelHealth() throws IOException, InterruptedException {
        List<WebElement> blocks = browser.findElements(By.cssSelector("#health-tasks article.task-health"));
        assertEquals(Task.values().length, blocks.size(), "a block per trained task");
        for (WebElement block : blocks) {
            Task task = Task.parse(block.getAttribute("data-task"));
            String version = new ModelStore(models).currentVersion(task).orElseThrow();
            assertEquals(version, block.findElement(By.cssSelector("[data-field=version]")).getText());
            JsonNode card = JSON.readTree(models.resolve(task.id()).resolve(version).resolve("card.json").toFile());
            JsonNode split = card.path("metrics").path("test");
            assertEquals(JSON.readTree(server.get("/v1/models/" + task.id(), readKey).body()), card, "the endpoint serves the card");

            JsonNode summary = split.path("summary");
            assertEquals(summary.path("rows").asLong(), number(block.findElement(By.cssSelector("[data-metric=rows]")).getText()));
            for (String[] metric : new String[][] {{"auc", "%.3f"}, {"pr_auc", "%.3f"}, {"log_loss", "%.4f"}, {"brier", "%.4f"}, {"ece", "%.4f"}}) {
                assertEquals(String.format(Locale.ROOT, metric[1], summary.path(metric[0]).asDouble()),
                        block.findElement(By.cssSelector("[data-metric=" + metric[0] + "]")).getText(), task + " " + metric[0]);
            }

            List<WebElement> deciles = block.findElements(By.cssSelector("table.gains tbody tr"));
            assertEquals(split.path("deciles").size(), deciles.size());
            long positivesSoFar = 0;
            for (int i = 0; i < deciles.size(); i++) {
                JsonNode stored = split.path("deciles").get(i);
                WebElement row = deciles.get(i);
                long positives = number(cell(row, "positives"));
                assertEquals(stored.path("rows").asLong(), number(cell(row, "rows")), task + " decile " + (i + 1));
                assertEquals(stored.path("positives").asLong(), positives, task + " decile " + (i + 1));
                assertEquals(percent(stored.path("cumulative_gain").asDouble()), cell(row, "cumulative_gain"), task + " decile " + (i + 1));
                assertEquals(String.format(Locale.ROOT, "%.2f", stored.path("lift").asDouble()), cell(row, "lift"));
                // The gain shown is the share of all the holdout's positives found in the deciles so far.
                positivesSoFar += positives;
                assertEquals(percent((double) positivesSoFar / summary.path("positives").asLong()), cell(row, "cumulative_gain"),
                        task + " gain recomputed from the shown counts, decile " + (i + 1));
            }
            assertEquals(deciles.size(), block.findElements(By.cssSelector(".gains-line ~ circle.point")).size(), "a point per decile");

            List<WebElement> bins = block.findElements(By.cssSelector("table.calibration tbody tr"));
            assertEquals(split.path("calibration_table").size(), bins.size());
            int filled = 0;
            for (int i = 0; i < bins.size(); i++) {
                JsonNode stored = split.path("calibration_table").get(i);
                WebElement row = bins.get(i);
                assertEquals(stored.path("rows").asLong(), number(cell(row, "rows")), task + " bin " + i);
                boolean empty = stored.path("rows").asLong() == 0;
                assertEquals(empty ? "–" : percent(stored.path("mean_predicted").asDouble()), cell(row, "mean_predicted"), task + " bin " + i);
                assertEquals(empty ? "–" : percent(stored.path("observed_rate").asDouble()), cell(row, "observed_rate"), task + " bin " + i);
                filled += empty ? 0 : 1;
            }
            assertEquals(filled, block.findElements(By.cssSelector("figure:has(+ .table-scroll .calibration) circle.point")).size(),
                    task + ": a point per non-empty bin");
        }
    }

    /** The churn ledger, latest first, with realized and promised AUC and ECE per snapshot; no ledger, a note. */
    private static void checkBacktests() throws IOException {
        List<JsonNode> churn = new ArrayList<>();
        for (String line : Files.readAllLines(snapshots.resolve(BacktestLedger.FILE), StandardCharsets.UTF_8)) {
            churn.add(0, JSON.readTree(line));
        }
        WebElement block = browser.findElement(By.cssSelector("article.task-health[data-task=churn]"));
        List<WebElement> rows = block.findElements(By.cssSelector("table.backtests tbody tr"));
        assertEquals(churn.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode entry = churn.get(i);
            WebElement row = rows.get(i);
            assertEquals(entry.path("snapshot").asText(), row.getAttribute("data-snapshot"), "latest first");
            assertEquals(String.format(Locale.ROOT, "%.3f", entry.path("realized").path("auc").asDouble()), cell(row, "auc"));
            assertEquals(String.format(Locale.ROOT, "%.3f", entry.path("card").path("auc").asDouble()), cell(row, "card_auc"));
            assertEquals(String.format(Locale.ROOT, "%.4f", entry.path("realized").path("ece").asDouble()), cell(row, "ece"));
            assertEquals(String.format(Locale.ROOT, "%.4f", entry.path("card").path("ece").asDouble()), cell(row, "card_ece"));
            List<String> flags = new ArrayList<>();
            entry.path("flags").forEach(flag -> flags.add(flag.path("kind").asText().equals("auc_drop") ? "AUC drop" : flag.path("kind").asText()));
            assertEquals(flags.isEmpty() ? "none" : String.join(", ", flags), cell(row, "flags"), entry.path("snapshot").asText());
        }
        assertEquals(2 * churn.size(), block.findElements(By.cssSelector(".ledger svg circle.point")).size(), "AUC and ECE per snapshot");
        for (String task : List.of("purchase", "conversion")) {
            WebElement other = browser.findElement(By.cssSelector("article.task-health[data-task=" + task + "]"));
            assertEquals(0, other.findElements(By.cssSelector("table.backtests")).size());
            assertTrue(other.findElement(By.cssSelector(".backtest-note")).getText().contains("No backtest yet"));
        }
    }

    /** A card per persona of the persona card on disk: name, share of the base, what sets it apart. */
    private static void checkPersonas() throws IOException {
        Path personaModels = models.resolve("personas");
        String version = Files.readString(personaModels.resolve("CURRENT")).strip();
        JsonNode personas = JSON.readTree(personaModels.resolve(version).resolve("card.json").toFile()).path("personas");
        List<WebElement> cards = browser.findElements(By.cssSelector("#persona-cards article.persona-card"));
        assertEquals(personas.size(), cards.size());
        for (int i = 0; i < cards.size(); i++) {
            JsonNode persona = personas.get(i);
            WebElement card = cards.get(i);
            assertEquals(persona.path("id").asText(), card.getAttribute("data-persona"));
            assertEquals(persona.path("name").asText(), card.findElement(By.tagName("h3")).getText());
            assertEquals(percent(persona.path("share").asDouble()), card.findElement(By.cssSelector("[data-field=share]")).getText());
            List<String> features = new ArrayList<>();
            persona.path("distinguishing").forEach(trait -> features.add(trait.path("feature").asText()));
            assertEquals(features, card.findElements(By.cssSelector(".traits li")).stream().map(li -> li.getAttribute("data-feature")).toList());
        }
    }

    /** The current value model's version, and the latest snapshot's bands as its manifest and segments.json hold them. */
    private static void checkValue() throws IOException {
        String version = Files.readString(models.resolve("value").resolve("CURRENT")).strip();
        assertEquals(version, browser.findElement(By.cssSelector(".value-model [data-field=version]")).getText());
        JsonNode valueCard = JSON.readTree(models.resolve("value").resolve(version).resolve("card.json").toFile());
        assertEquals(valueCard.path("population").path("customers").asLong(),
                number(browser.findElement(By.cssSelector(".value-model [data-field=customers]")).getText()));

        Path latest = snapshots.resolve(Files.readString(snapshots.resolve("LATEST")).strip());
        JsonNode manifest = JSON.readTree(latest.resolve("manifest.json").toFile()).path("value");
        JsonNode segments = JSON.readTree(latest.resolve("segments.json").toFile());
        assertEquals(version, manifest.path("value_model").asText(), "the latest snapshot was banded with the current value model");
        long shown = 0;
        for (String band : List.of("low", "medium", "high")) {
            WebElement row = browser.findElement(By.cssSelector(".value-bands tr[data-band=" + band + "]"));
            long customers = number(cell(row, "customers"));
            assertEquals(segments.path("bands").path("value").path(band).asLong(), customers, band);
            shown += customers;
        }
        assertEquals(segments.path("customers").asLong(), shown + manifest.path("customers_without_clv").asLong(),
                "every scored customer is in a band or has no CLV");
        assertEquals(String.format(Locale.ROOT, "%,.2f", manifest.path("clv_thresholds").path("high").asDouble()),
                cell(browser.findElement(By.cssSelector(".value-bands tr[data-band=high]")), "clv_from"));
        assertEquals(String.format(Locale.ROOT, "%,.2f", manifest.path("clv_thresholds").path("medium").asDouble()),
                cell(browser.findElement(By.cssSelector(".value-bands tr[data-band=medium]")), "clv_from"));
        assertEquals(3, browser.findElements(By.cssSelector("#value-content svg rect.value-band")).size(), "the three bands drawn");
    }

    @Test
    void notesTheSectionsWhoseModelIsMissingWithoutARefusedRequest() throws Exception {
        Path bare = dir.resolve("models-bare");
        TestServer.copyModels(bare);
        Path bareSnapshots = dir.resolve("snapshots-bare");
        BacktestFixtures.rescore(BacktestFixtures.base(dir.resolve("bare-base.csv"), 500, 3), bare, bareSnapshots, List.of(Task.CHURN));
        try (TestServer plain = new TestServer(bare, bareSnapshots, null, 64 * 1024)) {
            browser.get(plain.uri("/").toString());
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
            assertEquals(List.of(), HeadlessChromium.severe(browser), "console errors: no 404 for the missing models");
            assertTrue(browser.findElement(By.id("personas-caption")).getText().startsWith("No persona model yet"));
            assertTrue(browser.findElement(By.id("value-caption")).getText().startsWith("No value model yet"));
            assertEquals(0, browser.findElements(By.cssSelector("#persona-cards *")).size());
            assertFalse(browser.findElement(By.id("health-tasks")).getText().isEmpty(), "model health still shows the cards");
        }
    }

    private static String cell(WebElement row, String field) {
        return row.findElement(By.cssSelector("[data-field=" + field + "]")).getText();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }
}
