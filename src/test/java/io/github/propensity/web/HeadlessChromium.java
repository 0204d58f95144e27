// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * The installed headless Chromium for the dashboard's browser tests (never a downloaded one), keeping the console
 * log; the tests skip with one line where Chromium or its driver is absent.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** Skips the calling test class when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is not installed (apt-get install chromium chromium-driver)");
    }

    /** A laptop-wide window, tall enough that a section's screenshot is not cut off. */
    static WebDriver start() {
        return start(new ChromeOptions());
    }

    /** As {@link #start()}, saving downloads to {@code downloads} without asking. */
    static WebDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        return start(options);
    }

    private static WebDriver start(ChromeOptions options) {
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1300,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Console entries at SEVERE since the last call (reading the log empties it). */
    static List<String> severe(WebDriver browser) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** Opens the dashboard, signs in with {@code key} through its form as a user would, and waits for the sections. */
    static void signIn(WebDriver browser, TestServer server, String key) {
        browser.get(server.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
    }

    /** Quits the browser and stops the server, whichever of them was started (a skipped class started neither). */
    static void stop(WebDriver browser, TestServer server) {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Writes the top of the page, as the window shows it, to {@code target/screenshots/<name>.png}. */
    static void screenshotTop(WebDriver browser, String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes a screenshot of one element to {@code target/screenshots/<name>.png}. */
    static void screenshot(WebDriver browser, String name, By element) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.findElement(element).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
