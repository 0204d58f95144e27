// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.propensity.model.Task;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.JsonMappers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <snapshots>/backtests.jsonl}: every backtest, one JSON object a line, oldest first. An append holds
 * {@code <snapshots>/.backtests.lock} (an OS file lock, so runs in other processes wait too) while it rewrites the
 * whole file through {@link AtomicFile}: concurrent runs never lose each other's lines, and readers, which take no
 * lock, and crashes see the previous file or the new one, never half a line. Rewriting costs a read of the ledger,
 * a few kB per backtest: a weekly run per task stays under a megabyte for years.
 */
public final class BacktestLedger {
    public static final String FILE = "backtests.jsonl";
    static final String LOCK = ".backtests.lock";
    /** A write takes milliseconds; a lock held this long belongs to a stuck run. */
    private static final long LOCK_WAIT_MILLIS = 30_000;
    private static final long LOCK_RETRY_MILLIS = 10;

    private final Path root;
    private final ObjectMapper json = JsonMappers.standard().disable(SerializationFeature.INDENT_OUTPUT);

    /** @param snapshots the snapshot directory the ledger lives in */
    public BacktestLedger(Path snapshots) {
        this.root = snapshots;
    }

    public Path file() {
        return root.resolve(FILE);
    }

    /** The ledger's lines, oldest first, and the lines that are not JSON objects (a hand edit), skipped. */
    public record Listing(List<JsonNode> entries, List<Long> unreadableLines) {
        public Listing {
            entries = List.copyOf(entries);
            unreadableLines = List.copyOf(unreadableLines);
        }
    }

    /** The latest backtest of a task, for monitoring. */
    public record Latest(String snapshot, boolean flagged, double auc) {
    }

    public void append(BacktestEntry entry) {
        byte[] line;
        try {
            line = json.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a backtest as JSON", e);
        }
        append(out -> out.write(line));
    }

    /** Appends what {@code line} writes (one JSON object, without a line break) as the ledger's last line. */
    void append(AtomicFile.Content line) {
        Path file = file();
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = acquire(channel)) {
                byte[] existing = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
                AtomicFile.write(file, out -> {
                    out.write(existing);
                    if (existing.length > 0 && existing[existing.length - 1] != '\n') {
                        out.write('\n');
                    }
                    line.writeTo(out);
                    out.write('\n');
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the backtest ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the lock. Another process's lock makes {@code tryLock} return null; another thread of this one makes it
     * throw, as the JVM holds file locks per process; both are waited out the same way.
     */
    private FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // Held by another thread of this process; wait as for another process.
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("another run has held " + root.resolve(LOCK) + " for more than " + LOCK_WAIT_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(LOCK_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + root.resolve(LOCK), e);
            }
        }
    }

    /** Every backtest, or those of one task, oldest first; an empty listing when there is no ledger yet. */
    public Listing list(Optional<Task> task) {
        List<JsonNode> entries = new ArrayList<>();
        List<Long> unreadable = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode entry = parse(text);
                if (entry == null || !entry.isObject()) {
                    unreadable.add(line);
                } else if (task.isEmpty() || task.get().id().equals(entry.path("task").asText())) {
                    entries.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return new Listing(List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backtest ledger " + file() + ": " + e.getMessage(), e);
        }
        return new Listing(entries, unreadable);
    }

    /** The latest backtest of each task that has one, by task id. */
    public Map<String, Latest> latestPerTask() {
        Map<String, Latest> latest = new LinkedHashMap<>();
        for (JsonNode entry : list(Optional.empty()).entries()) {
            latest.put(entry.path("task").asText(), new Latest(entry.path("snapshot").asText(), !entry.path("flags").isEmpty(),
                    entry.path("realized").path("auc").asDouble(Double.NaN)));
        }
        return latest;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
