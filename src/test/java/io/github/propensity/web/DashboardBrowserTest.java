// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in headless Chromium against a real server with keys on and three real snapshots: signing in, the
 * numbers each section shows (read from the DOM and compared with the snapshot files on disk), no console errors,
 * and a screenshot of each section under {@code target/screenshots/}. Skipped where Chromium or its driver is absent.
 */
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DOWNLOAD_WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static TestServer server;
    static List<SnapshotHistoryFixture.Week> weeks;
    static String readKey;
    static WebDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        weeks = SnapshotHistoryFixture.build(dir, models, dir.resolve("snapshots"));
        server = new TestServer(models, dir.resolve("snapshots"), ApiKeys.load(keys), 64 * 1024);
        downloads = dir.resolve("downloads");
        browser = HeadlessChromium.start(downloads);
    }

    @AfterAll
    static void stop() {
        HeadlessChromium.stop(browser, server);
    }

    @Test
    void signsInThenShowsTheSnapshotFilesNumbersWithoutConsoleErrors() throws Exception {
        // A fresh tab: another test may have signed this one in. The page's own button forgets the key once it has
        // loaded (on any other page of the server the browser would ask for a favicon, and log its 404 at any time).
        browser.get(server.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> driver.findElement(By.id("sign-in")).isDisplayed()
                || driver.findElement(By.id("sections")).isDisplayed() && driver.findElement(By.id("status")).getText().isEmpty());
        if (browser.findElement(By.id("sign-out")).isDisplayed()) {
            browser.findElement(By.id("sign-out")).click();
        }
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertFalse(browser.findElement(By.id("sections")).isDisplayed(), "no data before a key");
        assertEquals(List.of(), severe(), "asking for the key makes no refused request");

        browser.findElement(By.id("api-key")).sendKeys("pk_not_a_key");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "unknown API key"));
        severe();  // the refused request is logged by the browser; that is the wrong key's doing

        browser.findElement(By.id("api-key")).sendKeys(readKey);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
        assertFalse(form.isDisplayed());
        assertFalse(browser.getCurrentUrl().contains(readKey), "the key stays out of the URL");
        checkSections();
        assertEquals(List.of(), severe(), "console errors");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
        assertFalse(browser.findElement(By.id("sign-in")).isDisplayed(), "the key is kept for the tab");
        assertEquals(List.of(), severe(), "console errors after a reload");
        for (String section : List.of("segments", "migration", "drift", "lists")) {
            screenshot(section);
        }
        // The top of the page as a laptop shows it, for the README.
        HeadlessChromium.screenshotTop(browser, "dashboard");
    }

    @Test
    void thePickerComparesAnyTwoSnapshotsAndACellDownloadsItsCustomers() throws Exception {
        signIn();
        Path latest = weeks.get(2).snapshot();
        Path first = weeks.get(0).snapshot();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("migration-from"))).selectByValue(first.getFileName().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("migration-caption"), "against " + first.getFileName()));
        JsonNode served = JSON.readTree(server.get("/v1/snapshots/" + latest.getFileName() + "/migration?against=" + first.getFileName(), readKey).body());
        Map<String, Long> shown = new java.util.TreeMap<>();
        for (WebElement table : browser.findElements(By.cssSelector("#migration-matrices table"))) {
            for (WebElement cell : table.findElements(By.cssSelector("tbody td"))) {
                long customers = Long.parseLong(cell.getAttribute("data-customers"));
                assertEquals(customers, number(cell.getText().split("\\s+")[0]));
                shown.put(table.getAttribute("data-dimension") + "|" + cell.findElement(By.xpath("..")).getAttribute("data-from") + "|"
                        + cell.getAttribute("data-to"), customers);
            }
        }
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (JsonNode dimension : served.get("dimensions")) {
            for (int i = 0; i < dimension.get("from").size(); i++) {
                for (int j = 0; j < dimension.get("to").size(); j++) {
                    expected.put(dimension.get("name").asText() + "|" + dimension.get("from").get(i).asText() + "|" + dimension.get("to").get(j).asText(),
                            dimension.get("customers").get(i).get(j).asLong());
                }
            }
        }
        assertEquals(expected, shown, "the page shows the pair's matrix");

        // Where each customer was and is, from the two scores files themselves.
        Map<String, String> was = segments(first);
        Map<String, String> now = segments(latest);
        for (String[] cell : new String[][]{{"(new)", "at-risk"}, {"loyal", "(gone)"}}) {
            List<String> ids = new ArrayList<>();
            if (cell[0].equals("(new)")) {
                now.forEach((id, segment) -> { if (!was.containsKey(id) && segment.equals(cell[1])) ids.add(id); });
            } else {
                was.forEach((id, segment) -> { if (!now.containsKey(id) && segment.equals(cell[0])) ids.add(id); });
            }
            Assumptions.assumeTrue(!ids.isEmpty(), "the fixture has customers " + cell[0] + " -> " + cell[1]);
            WebElement button = browser.findElement(By.cssSelector("#migration-matrices table[data-dimension=segment] tr[data-from='" + cell[0]
                    + "'] td[data-to='" + cell[1] + "'] button"));
            List<String[]> rows = downloaded(button::click);
            assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(rows.stream().map(row -> row[0]).toList()), cell[0] + " -> " + cell[1]);
            assertEquals(ids.size(), rows.size(), "each customer once");
            assertTrue(rows.stream().allMatch(row -> row[1].equals(cell[0]) && row[2].equals(cell[1])));
        }
        assertEquals(List.of(), severe(), "console errors");
        assertFalse(browser.getCurrentUrl().contains("customer"), "no customer in the page's URL");
    }

    @Test
    void theLookalikeFormDownloadsTheAudienceTheApiBuilds() throws Exception {
        Path models = dir.resolve("models-pool");
        TestServer.copyModels(models);
        Path pool = Path.of("training-data", "customers.csv");
        try (TestServer withPool = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20, pool)) {
            List<String> seed = new ArrayList<>();
            try (CsvRecordReader reader = CsvRecordReader.open(pool, ',')) {
                int churned = reader.header().indexOf("churned");
                String[] fields;
                while ((fields = reader.next()) != null && seed.size() < 120) {
                    if (fields[churned].equals("yes")) {
                        seed.add(fields[0]);
                    }
                }
            }
            assertEquals(120, seed.size());
            browser.get(withPool.uri("/#lists").toString());
            WebElement form = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("lookalike-form")));
            browser.findElement(By.id("lookalike-seed")).sendKeys(String.join("\n", seed));
            WebElement size = browser.findElement(By.id("lookalike-size"));
            size.clear();
            size.sendKeys("150");
            List<String[]> rows;
            try {
                rows = downloaded(() -> form.findElement(By.cssSelector("button[type=submit]")).click());
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no download; the form says: " + browser.findElement(By.id("lookalike-status")).getText() + "; console: " + severe(), e);
            }
            String body = "{\"seed\": " + JSON.writeValueAsString(seed) + ", \"size\": 150}";
            List<String> expected = withPool.post("/v1/lookalike?format=csv", "application/json", body, null).body().lines().skip(1).toList();
            assertEquals(150, rows.size());
            assertEquals(expected.stream().map(line -> line.split(",", -1)[0]).toList(), rows.stream().map(row -> row[0]).toList(),
                    "the same audience, in the same order, as the API gives");
            assertEquals(List.of(), severe(), "console errors");
        }
    }

    @Test
    void withoutAPoolThereIsNoLookalikeForm() throws Exception {
        signIn();
        assertFalse(browser.findElement(By.id("lookalike-form")).isDisplayed());
    }

    @Test
    void saysSoWhenThereIsNoSnapshotYet() throws Exception {
        Path models = dir.resolve("models-no-snapshots");
        TestServer.copyModels(models);
        try (TestServer empty = new TestServer(models, dir.resolve("no-snapshots"), null, 64 * 1024)) {
            browser.get(empty.uri("/").toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No snapshot yet"));
            for (String section : List.of("segments", "migration", "drift", "lists")) {
                assertFalse(browser.findElement(By.id(section)).isDisplayed(), section + " waits for a snapshot");
                assertFalse(browser.findElement(By.cssSelector("nav a[href='#" + section + "']")).isDisplayed(), "no link to " + section);
            }
            // The models can be looked at before anything is scored.
            JsonNode listed = JSON.readTree(empty.get("/v1/models", null).body()).get("models");
            List<String> shown = new ArrayList<>();
            browser.findElements(By.cssSelector("#health article[data-task] [data-field=version]")).forEach(version -> shown.add(version.getText()));
            List<String> served = new ArrayList<>();
            listed.forEach(model -> served.add(model.get("version").asText()));
            assertFalse(served.isEmpty());
            assertEquals(served, shown, "each task's model version");
            assertFalse(browser.findElement(By.id("sign-in")).isDisplayed(), "keys are off: no sign-in box");
            assertEquals(List.of(), severe(), "console errors");
        }
    }

    @Test
    void swaggerUiShowsEveryOperationOfTheApiDocumentUnderTheStrictPolicy() throws Exception {
        JsonNode document = JSON.readTree(server.get("/openapi.json", null).body());
        int operations = 0;
        for (JsonNode path : document.get("paths")) {
            operations += path.size();
        }
        browser.get(server.uri("/docs").toString());
        int expected = operations;
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.findElements(By.cssSelector(".swagger-ui .opblock")).size() == expected);
        assertEquals(List.of(), severe(), "console errors, including refused inline code");
        screenshot("docs", By.tagName("body"));
    }

    private static void checkSections() throws IOException, InterruptedException {
        for (WebElement link : browser.findElements(By.cssSelector("nav a"))) {
            String target = link.getAttribute("href").replaceAll(".*#", "");
            assertEquals(1, browser.findElements(By.id(target)).size(), "the link to #" + target + " has a section");
        }
        checkSegments();
        checkMigration();
        checkDrift();
        checkLists();
    }

    /** Every snapshot's row, latest first, with the counts of its segments.json. */
    private static void checkSegments() throws IOException {
        List<WebElement> rows = browser.findElements(By.cssSelector("#segments-table tbody tr"));
        assertEquals(weeks.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Path snapshot = weeks.get(weeks.size() - 1 - i).snapshot();
            WebElement row = rows.get(i);
            assertEquals(snapshot.getFileName().toString(), row.getAttribute("data-snapshot"), "latest first");
            JsonNode stored = JSON.readTree(snapshot.resolve("segments.json").toFile());
            assertEquals(stored.get("customers").asLong(), number(row.findElement(By.cssSelector("[data-field=customers]")).getText()));
            stored.get("segments").fields().forEachRemaining(segment -> assertEquals(segment.getValue().asLong(),
                    number(row.findElement(By.cssSelector("[data-segment='" + segment.getKey() + "']")).getText()),
                    snapshot.getFileName() + " " + segment.getKey()));
        }
        int segments = JSON.readTree(weeks.get(2).snapshot().resolve("segments.json").toFile()).get("segments").size();
        assertEquals(weeks.size() * segments, browser.findElements(By.cssSelector("#segments-chart svg rect.bar")).size(), "a bar part per count");
    }

    /** Each cell of each matrix against migration.csv: the count, and its share of the row to one decimal. */
    private static void checkMigration() {
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        Map<String, Long> rowTotals = new HashMap<>();
        try (CsvRecordReader reader = CsvRecordReader.open(weeks.get(2).snapshot().resolve("migration.csv"), ',')) {
            reader.header();
            String[] fields;
            while ((fields = reader.next()) != null) {
                String from = fields[0] + "|" + fields[1];
                cells.computeIfAbsent(from, f -> new HashMap<>()).put(fields[2], Long.parseLong(fields[3]));
                rowTotals.merge(from, Long.parseLong(fields[3]), Long::sum);
            }
        }
        int checked = 0;
        for (WebElement table : browser.findElements(By.cssSelector("#migration-matrices table"))) {
            String dimension = table.getAttribute("data-dimension");
            for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
                String from = dimension + "|" + row.getAttribute("data-from");
                for (WebElement cell : row.findElements(By.cssSelector("td"))) {
                    long expected = cells.get(from).getOrDefault(cell.getAttribute("data-to"), 0L);
                    String[] text = cell.getText().split("\\s+");
                    assertEquals(expected, number(text[0]), from + " -> " + cell.getAttribute("data-to"));
                    String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * expected / rowTotals.get(from));
                    assertEquals(share, text[1], from + " -> " + cell.getAttribute("data-to"));
                    checked += expected > 0 ? 1 : 0;
                }
            }
        }
        assertEquals(cells.values().stream().mapToInt(Map::size).sum(), checked, "every stored cell is shown");
    }

    /** Every input and score of drift.json, flagged ones first, PSI to four decimals; both thresholds drawn. */
    private static void checkDrift() throws IOException {
        JsonNode stored = JSON.readTree(weeks.get(2).snapshot().resolve("drift.json").toFile());
        Map<String, Double> psi = new HashMap<>();
        stored.get("tasks").fields().forEachRemaining(task -> {
            psi.put(task.getKey() + "|score", task.getValue().get("score_psi").asDouble());
            task.getValue().get("features").forEach(f -> psi.put(task.getKey() + "|" + f.get("column").asText(), f.get("psi").asDouble()));
        });
        List<WebElement> rows = browser.findElements(By.cssSelector("#drift-table tbody tr"));
        assertEquals(psi.size(), rows.size());
        boolean unflaggedSeen = false;
        for (WebElement row : rows) {
            String key = row.getAttribute("data-task") + "|" + row.getAttribute("data-input");
            assertEquals(String.format(Locale.ROOT, "%.4f", psi.get(key)), row.findElement(By.cssSelector("[data-field=psi]")).getText(), key);
            boolean flagged = psi.get(key) > stored.get("alert_threshold").asDouble();
            assertFalse(flagged && unflaggedSeen, "flagged first: " + key);
            unflaggedSeen |= !flagged;
        }
        List<String> thresholds = new ArrayList<>();
        browser.findElements(By.cssSelector("#drift-chart line.threshold")).forEach(line -> thresholds.add(line.getAttribute("data-threshold")));
        assertEquals(List.of("0.1", stored.get("alert_threshold").asText()), thresholds);
    }

    /** Opens the keyed server's page and signs in unless the tab kept the key. */
    private static void signIn() {
        browser.get(server.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> driver.findElement(By.id("sections")).isDisplayed() || driver.findElement(By.id("sign-in")).isDisplayed());
        if (browser.findElement(By.id("sign-in")).isDisplayed()) {
            browser.findElement(By.id("api-key")).sendKeys(readKey);
            browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
        wait.until(driver -> !driver.findElements(By.cssSelector("#list-table tbody tr")).isEmpty());
    }

    /** Runs {@code action}, waits for the one file it downloads and returns its data rows, split on commas. */
    private static List<String[]> downloaded(Runnable action) throws IOException {
        Files.createDirectories(downloads);
        try (java.util.stream.Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        action.run();
        Path file = new WebDriverWait(browser, DOWNLOAD_WAIT).until(driver -> {
            try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<String[]> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, ',')) {
            reader.header();
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows.add(fields);
            }
        }
        return rows;
    }

    /** Each customer's segment in a snapshot's scores file. */
    private static Map<String, String> segments(Path snapshot) {
        Map<String, String> segments = new HashMap<>();
        try (CsvRecordReader reader = CsvRecordReader.open(snapshot.resolve("scores.csv"), ',')) {
            int segment = reader.header().indexOf("segment");
            String[] fields;
            while ((fields = reader.next()) != null) {
                segments.put(fields[0], fields[segment]);
            }
        }
        return segments;
    }

    /** The list preview: the first rows of the list endpoint's JSON for the chosen segment and ranking. */
    private static void checkLists() throws IOException, InterruptedException {
        String segment = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("list-segment"))).getFirstSelectedOption().getAttribute("value");
        assertEquals("at-risk", segment, "the retention list first");
        JsonNode served = JSON.readTree(server.get("/v1/segments/at-risk/customers?format=json&limit=50", readKey).body()).get("customers");
        List<WebElement> rows = browser.findElements(By.cssSelector("#list-table tbody tr"));
        assertEquals(served.size(), rows.size());
        assertTrue(rows.size() > 0 && rows.size() <= 50, "a preview of at most 50: " + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (WebElement cell : rows.get(i).findElements(By.cssSelector("td"))) {
                assertEquals(served.get(i).get(cell.getAttribute("data-column")).asText(), cell.getText(), "row " + i + " " + cell.getAttribute("data-column"));
            }
        }
        // The fixture's base has no CLV: ranking by value is not offered rather than refused.
        assertFalse(browser.findElement(By.cssSelector("#list-sort option[value=clv]")).isEnabled());
    }

    /** Console entries at SEVERE since the last call (reading the log empties it). */
    private static List<String> severe() {
        return HeadlessChromium.severe(browser);
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static void screenshot(String section) throws IOException {
        screenshot(section, By.id(section));
    }

    private static void screenshot(String name, By element) throws IOException {
        HeadlessChromium.screenshot(browser, name, element);
    }
}
