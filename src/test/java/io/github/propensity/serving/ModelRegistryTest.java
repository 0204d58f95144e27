// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.BandCutoffs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {
    @TempDir
    Path dir;

    @Test
    void aCheckThatFailsUnexpectedlyIsCountedAndTheNextCheckStillRuns() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        AtomicInteger loads = new AtomicInteger();
        ModelRegistry.BundleLoader failingTwice = (store, task, version) -> {
            if (loads.getAndIncrement() < 2) {
                throw new IllegalStateException("a bug in loading, simulated");
            }
            return store.load(task, version);
        };
        try (ModelRegistry registry = new ModelRegistry(models, dir.resolve("snapshots"), BandCutoffs.DEFAULT, 20, failingTwice)) {
            assertTrue(registry.current().models().isEmpty());
            installAtomically(Path.of("models", "churn"), models.resolve("churn"));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (registry.current().model(Task.CHURN).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String expected = new ModelStore(models).currentVersion(Task.CHURN).orElseThrow();
            assertEquals(expected, registry.current().model(Task.CHURN).orElseThrow().version(), "served after two failed checks");
            assertEquals(2, registry.refreshFailures());
            assertEquals(3, loads.get(), "two failed loads, then one that served the model");
        }
    }

    @Test
    void countsNoFailureWhenEveryCheckSucceeds() {
        try (ModelRegistry registry = new ModelRegistry(Path.of("models"), dir.resolve("snapshots"), BandCutoffs.DEFAULT, 10)) {
            assertEquals(3, registry.current().models().size());
            assertEquals(0, registry.refreshFailures());
        }
    }

    /** Copies a task's models beside the store and renames them in, so a check never sees half a copy. */
    private void installAtomically(Path source, Path target) throws IOException {
        Path staging = dir.resolve("staging");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path destination = staging.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
