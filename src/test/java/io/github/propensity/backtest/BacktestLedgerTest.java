// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.model.Task;
import io.github.propensity.storage.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestLedgerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static AtomicFile.Content line(String task, int number) {
        return out -> out.write(("{\"task\":\"" + task + "\",\"n\":" + number + ",\"realized\":{\"auc\":0.7},\"flags\":[]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void concurrentAppendsKeepEveryLine() throws Exception {
        BacktestLedger ledger = new BacktestLedger(dir);
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    // A ledger object per append, as separate runs would have.
                    new BacktestLedger(dir).append(line("churn", thread * 1000 + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        List<String> lines = Files.readAllLines(ledger.file(), StandardCharsets.UTF_8);
        assertEquals(threads * each, lines.size());
        Set<Integer> numbers = new HashSet<>();
        for (String text : lines) {
            numbers.add(JSON.readTree(text).get("n").asInt());
        }
        assertEquals(threads * each, numbers.size(), "every append's line, once");
        assertEquals(threads * each, ledger.list(Optional.empty()).entries().size());
    }

    @Test
    void aFailureWhileWritingLeavesThePreviousLedgerWholeAndNoTemporaryFile() throws IOException {
        BacktestLedger ledger = new BacktestLedger(dir);
        ledger.append(line("churn", 1));
        byte[] before = Files.readAllBytes(ledger.file());
        assertThrows(UncheckedIOException.class, () -> ledger.append(out -> {
            out.write("{\"task\":\"churn\",\"n\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(ledger.file()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of(BacktestLedger.FILE, BacktestLedger.LOCK),
                    Set.copyOf(files.map(f -> f.getFileName().toString()).toList()), "nothing left behind");
        }
        ledger.append(line("churn", 2));
        assertEquals(2, ledger.list(Optional.empty()).entries().size());
    }

    @Test
    void listsOneTaskAndSkipsLinesThatAreNotJson() throws IOException {
        BacktestLedger ledger = new BacktestLedger(dir);
        assertEquals(List.of(), ledger.list(Optional.empty()).entries(), "no ledger yet");
        ledger.append(line("churn", 1));
        ledger.append(line("purchase", 2));
        Files.writeString(ledger.file(), "not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ledger.append(line("churn", 3));
        BacktestLedger.Listing churn = ledger.list(Optional.of(Task.CHURN));
        assertEquals(List.of(1, 3), churn.entries().stream().map(e -> e.get("n").asInt()).toList());
        assertEquals(List.of(3L), churn.unreadableLines());
        List<JsonNode> purchase = ledger.list(Optional.of(Task.PURCHASE)).entries();
        assertEquals(List.of(2), purchase.stream().map(e -> e.get("n").asInt()).toList());
        assertTrue(ledger.list(Optional.of(Task.CONVERSION)).entries().isEmpty());
        assertEquals(Set.of("churn", "purchase"), ledger.latestPerTask().keySet());
    }

    @Test
    void anAppendAfterALedgerWithoutAFinalLineBreakStartsANewLine() throws IOException {
        BacktestLedger ledger = new BacktestLedger(dir);
        Files.writeString(ledger.file(), "{\"task\":\"churn\",\"n\":1}", StandardCharsets.UTF_8);
        ledger.append(line("churn", 2));
        assertEquals(2, Files.readAllLines(ledger.file()).size());
        assertEquals(List.of(), ledger.list(Optional.empty()).unreadableLines());
    }
}
