// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import io.github.propensity.SyntheticCsv;
import io.github.propensity.training.BundleAssembler;
import io.github.propensity.training.CandidateGrid;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.LogisticSpec;
import io.github.propensity.training.PropensityTrainer;
import io.github.propensity.model.Task;
import io.github.propensity.training.TrainingOutcome;
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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;

class ModelStoreTest {
    @TempDir
    static Path shared;
    static TrainingOutcome outcome;
    static double[][] someRows;

    @TempDir
    Path root;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path csv = SyntheticCsv.write(shared.resolve("customers.csv"), 600, 7);
        CandidateGrid quick = new CandidateGrid(List.of(new LogisticSpec(1.0)), List.of(new XGBoostSpec(2, 50, 0.05, 0.8, 0.8, 1, 1)));
        outcome = new PropensityTrainer(quick).train(new TrainingRequest(Task.CHURN, csv, new LabelSpec("churned", "yes"),
                "customer_id", List.of(), null, 3, 0.2, 1));
        someRows = new double[][]{new double[outcome.model().encoder().width()], new double[outcome.model().encoder().width()]};
        someRows[1][0] = 1.5;
    }

    private String publish() {
        return publish(Clock.systemUTC());
    }

    private String publish(Clock clock) {
        return new ModelStore(root, clock).publish(Task.CHURN, new BundleAssembler().assemble(outcome));
    }

    @Test
    void publishesPromotesAndLoadsTheSameScoringFunction() {
        ModelStore store = new ModelStore(root);
        String version = publish();
        assertEquals(version, store.currentVersion(Task.CHURN).orElseThrow());
        ModelBundle loaded = store.loadCurrent(Task.CHURN);
        assertArrayEquals(outcome.model().probabilities(someRows), loaded.model().probabilities(someRows), 1e-12);
        assertTrue(version.matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"), version);
        assertTrue(Files.exists(root.resolve("churn").resolve(version).resolve(BundleFiles.CARD_MARKDOWN)));
    }

    @Test
    void promoteRollsBackToAnEarlierVersion() {
        ModelStore store = new ModelStore(root);
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        String first = publish(Clock.fixed(monday, ZoneOffset.UTC));
        String second = publish(Clock.fixed(monday.plusSeconds(1), ZoneOffset.UTC));
        assertTrue(first.startsWith("20261130T090000Z-"), first);
        assertTrue(second.startsWith("20261130T090001Z-"), second);
        assertEquals(second, store.currentVersion(Task.CHURN).orElseThrow());
        store.promote(Task.CHURN, first);
        assertEquals(first, store.currentVersion(Task.CHURN).orElseThrow());
        assertEquals(2, store.list().size());
    }

    @Test
    void refusesToPromoteAVersionThatDoesNotExist() {
        publish();
        BundleException error = assertThrows(BundleException.class, () -> new ModelStore(root).promote(Task.CHURN, "20200101T000000Z-deadbeef"));
        assertTrue(error.getMessage().contains("no churn model version"), error.getMessage());
    }

    @Test
    void detectsADamagedBundleFile() throws IOException {
        String version = publish();
        Path model = root.resolve("churn").resolve(version).resolve(outcome.model().classifier().bundleFile());
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(model, bytes);
        BundleException error = assertThrows(BundleException.class, () -> new ModelStore(root).loadCurrent(Task.CHURN));
        assertTrue(error.getMessage().contains("damaged"), error.getMessage());
    }

    @Test
    void rejectsABundleOfANewerFormatVersion() throws IOException {
        String version = publish();
        Path manifest = root.resolve("churn").resolve(version).resolve(BundleFiles.MANIFEST);
        String text = Files.readString(manifest).replace("\"format_version\" : " + ModelStore.CURRENT_FORMAT_VERSION, "\"format_version\" : 99");
        Files.writeString(manifest, text);
        BundleException error = assertThrows(BundleException.class, () -> new ModelStore(root).loadCurrent(Task.CHURN));
        assertTrue(error.getMessage().contains("format version 99"), error.getMessage());
    }

    @Test
    void aCrashedPublishLeavesThePreviousModelCurrentAndNothingVisible() throws IOException {
        ModelStore store = new ModelStore(root);
        String version = publish();
        // What a run killed mid-write leaves behind: a staging directory with some files and no manifest.
        Path staging = Files.createDirectory(root.resolve("churn").resolve(".staging-crashed"));
        Files.writeString(staging.resolve(BundleFiles.MODEL), "partial", StandardCharsets.UTF_8);
        assertEquals(version, store.currentVersion(Task.CHURN).orElseThrow());
        assertEquals(1, store.list().size());
        assertEquals(version, store.loadCurrent(Task.CHURN).version());
    }

    @Test
    void removesStagingLeftByACrashOnlyOnceItIsADayOldByTheStoresClock() throws IOException {
        publish();
        Path staging = Files.createDirectory(root.resolve("churn").resolve(".staging-crashed"));
        assertEquals(0, new ModelStore(root).removeAbandonedStaging(Task.CHURN), "a fresh one may belong to a running publish");
        assertTrue(Files.exists(staging));
        Clock twoDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
        assertEquals(1, new ModelStore(root, twoDaysLater).removeAbandonedStaging(Task.CHURN));
        assertTrue(Files.notExists(staging));
        assertEquals(1, new ModelStore(root).list().size(), "the published bundle stays");
    }

    @Test
    void publishingLeavesNoTemporaryFilesBehind() throws IOException {
        publish();
        try (Stream<Path> files = Files.walk(root)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "hidden temp files remain");
        }
    }

    @Test
    void reportsAMissingModelWithTheCommandToTrainOne() {
        BundleException error = assertThrows(BundleException.class, () -> new ModelStore(root).loadCurrent(Task.PURCHASE));
        assertTrue(error.getMessage().contains("propensity train --task purchase"), error.getMessage());
    }
}
