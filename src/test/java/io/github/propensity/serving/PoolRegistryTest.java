// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.lookalike.Audience;
import io.github.propensity.lookalike.EncodedPool;
import io.github.propensity.lookalike.PoolSource;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolRegistryTest {
    private static final List<String> OUTCOMES = List.of("churned", "purchased_30d", "converted");
    /** Long enough that only the test's own refresh calls look at the file. */
    private static final long NO_POLL = 3_600_000;

    @TempDir
    Path dir;

    private final AtomicInteger loads = new AtomicInteger();
    private final Function<PoolSource, EncodedPool> countingLoader = source -> {
        loads.incrementAndGet();
        return EncodedPool.read(source);
    };

    private Path pool(int customers) throws IOException {
        Path file = dir.resolve("pool.csv");
        SampleWriter.write(file, null, customers, 17);
        return file;
    }

    /** Replaces the pool file the way a nightly export would: a new file renamed over the old, with a later time. */
    private void replace(Path pool, List<String> lines, int secondsLater) throws IOException {
        Path next = Files.write(dir.resolve("next.csv"), lines);
        Files.setLastModifiedTime(next, FileTime.from(Instant.now().plusSeconds(secondsLater)));
        Files.move(next, pool, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String body(List<String> seed) throws IOException {
        return new ObjectMapper().writeValueAsString(Map.of("seed", seed, "size", "50", "min_seed", 20));
    }

    private PoolRegistry registry(Path pool, long pollMillis) {
        return new PoolRegistry(PoolSource.of(pool, "customer_id", OUTCOMES, true), countingLoader, pollMillis);
    }

    @Test
    void readsThePoolOnceForAnyNumberOfRequests() throws IOException {
        Path pool = pool(1500);
        try (PoolRegistry registry = registry(pool, NO_POLL)) {
            LookalikeService service = LookalikeService.over(registry);
            ObjectMapper json = new ObjectMapper();
            List<String> seed = Files.readAllLines(pool).subList(1, 101).stream().map(line -> line.split(",")[0]).toList();
            Audience first = service.build(json.readTree(body(seed)));
            Audience second = service.build(json.readTree(body(seed.subList(0, 60))));
            assertEquals(50, first.rows().size());
            assertEquals(50, second.rows().size());
            assertFalse(registry.refresh(), "an unchanged file is not read again");
            assertEquals(1, loads.get());
        }
    }

    @Test
    void reloadsThePoolWhenTheFileChanges() throws IOException {
        Path pool = pool(1500);
        try (PoolRegistry registry = registry(pool, NO_POLL)) {
            EncodedPool before = registry.current();
            assertEquals(1500, before.size());
            replace(pool, Files.readAllLines(pool).subList(0, 1001), 10);
            assertTrue(registry.refresh());
            assertEquals(1000, registry.current().size());
            assertEquals(2, loads.get());
            assertEquals(1500, before.size(), "a request holding the old pool keeps it whole");
        }
    }

    @Test
    void keepsTheOldPoolWhenTheNewFileIsBrokenAndTriesAgainOnlyOnceItChanges() throws IOException {
        Path pool = pool(1500);
        List<String> good = Files.readAllLines(pool);
        try (PoolRegistry registry = registry(pool, NO_POLL)) {
            EncodedPool loaded = registry.current();
            replace(pool, List.of("id,plan", "1,free"), 10);
            assertFalse(registry.refresh());
            assertSame(loaded, registry.current());
            assertFalse(registry.refresh());
            assertEquals(2, loads.get(), "a broken file is not read again until it changes");
            replace(pool, good.subList(0, 1201), 20);
            assertTrue(registry.refresh());
            assertEquals(1200, registry.current().size());
        }
    }

    @Test
    void theBackgroundCheckSwapsInAChangedFileByItself() throws IOException, InterruptedException {
        Path pool = pool(1500);
        try (PoolRegistry registry = registry(pool, 50)) {
            replace(pool, Files.readAllLines(pool).subList(0, 801), 10);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (registry.current().size() != 800 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(800, registry.current().size());
        }
    }
}
