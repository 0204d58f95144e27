// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.model.BundleException;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.storage.StagedDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rescores a customer base with every current model. Pass one streams the input through the scoring threads in
 * batches and writes scored rows to a temporary file, keeping per row only the few numbers that percentiles and
 * migration need; pass two adds each customer's percentile within this base and writes the final scores file.
 * In snapshot mode the result, with manifest, segment counts, migration and drift, is published atomically.
 */
public final class RescoreJob {
    private static final Logger log = LoggerFactory.getLogger(RescoreJob.class);
    static final int BATCH_ROWS = 2048;
    static final int BAD_ROW_EXAMPLES = 100;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private final ObjectMapper json = JsonMappers.standard();
    private final Clock clock;

    public RescoreJob() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of the run's start and finish times, and so of the snapshot's name */
    public RescoreJob(Clock clock) {
        this.clock = clock;
    }

    public RescoreSummary run(RescoreRequest request) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        List<ModelBundle> bundles = new ArrayList<>();
        List<Task> tasks = loadModels(request, bundles);
        SnapshotStore store = request.out() == null ? new SnapshotStore(request.snapshots()) : null;
        try (SnapshotStore.Lock lock = store == null ? null : store.lock();
             CsvRecordReader reader = CsvRecordReader.open(request.data(), request.separator())) {
            List<String> header = reader.header();
            int idColumn = header.indexOf(request.idColumn());
            if (idColumn < 0) {
                throw DataException.inFile(request.data(), "id column '" + request.idColumn() + "' not found; the columns are: "
                        + String.join(", ", header));
            }
            int[] keep = new int[request.keepColumns().size()];
            for (int k = 0; k < keep.length; k++) {
                keep[k] = header.indexOf(request.keepColumns().get(k));
                if (keep[k] < 0) {
                    throw DataException.inFile(request.data(), "column '" + request.keepColumns().get(k) + "' to keep not found; the columns are: "
                            + String.join(", ", header));
                }
            }
            List<TaskScorer> scorers = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                try {
                    scorers.add(new TaskScorer(tasks.get(t), bundles.get(t), header, request.policy().bands()));
                } catch (MissingFeatureColumnsException e) {
                    throw DataException.inFile(request.data(), e.getMessage() + " (" + tasks.get(t) + " model " + bundles.get(t).version() + ")");
                }
            }
            try (StagedDirectory work = store == null ? temporaryDirectoryFor(request.out()) : store.newStaging()) {
                return score(request, reader, scorers, idColumn, keep, work, store, startedAt, start);
            }
        }
    }

    private RescoreSummary score(RescoreRequest request, CsvRecordReader reader, List<TaskScorer> scorers, int idColumn,
                                 int[] keep, StagedDirectory work, SnapshotStore store, Instant startedAt, long start) {
        Path workDirectory = work.path();
        List<Task> tasks = scorers.stream().map(s -> s.task).toList();
        ScoringTally tally = new ScoringTally(scorers, request.policy());
        Path partial = workDirectory.resolve(".scores.partial");
        long fileSize = sizeOf(request.data());
        SegmentPolicy.Bound segments;
        try {
            segments = request.policy().bind(reader.header());
        } catch (IllegalArgumentException e) {
            throw DataException.inFile(request.data(), e.getMessage());
        }
        BatchWorker worker = new BatchWorker(scorers, request.policy(), segments, reader.header().size(), idColumn, keep);
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), runnable -> {
            Thread thread = new Thread(runnable, "scoring");
            thread.setDaemon(true);
            return thread;
        });
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            ArrayDeque<Future<BatchResult>> inFlight = new ArrayDeque<>();
            long lastProgress = System.nanoTime();
            RowBatch batch;
            while ((batch = readBatch(reader)) != null) {
                rows += batch.size();
                RowBatch submitted = batch;
                inFlight.add(pool.submit(() -> worker.score(submitted)));
                if (inFlight.size() >= request.threads() * 3) {
                    tally.add(await(inFlight.poll()), out);
                }
                if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    progress(rows, start, reader.bytesRead(), fileSize);
                }
            }
            while (!inFlight.isEmpty()) {
                tally.add(await(inFlight.poll()), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scores under " + workDirectory + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        checkBadRows(request, rows, tally);
        if (tally.scored() == 0) {
            throw DataException.inFile(request.data(), "no rows to score");
        }
        String inputSha256 = reader.sha256Hex();

        Migration migration = Migration.none(tasks);
        Integer previousCustomers = null;
        if (store != null) {
            Path previous = store.latest().map(RescoreJob::scoresFileIn).orElse(null);
            if (previous != null) {
                migration = Migration.from(previous, tasks);
                previousCustomers = migration.previousCustomers();
            }
        }
        String scoresName = request.gzip() ? "scores.csv.gz" : "scores.csv";
        Path scoresFile = store == null ? null : workDirectory.resolve(scoresName);
        ScoresFileFinisher finisher = new ScoresFileFinisher(tasks, request.keepColumns(), request.policy(), tally);
        long duplicates = finisher.finish(partial, scoresFile, request.out(), store == null ? null : migration);

        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, SnapshotManifest.ModelUsed> models = new LinkedHashMap<>();
        for (TaskScorer scorer : scorers) {
            models.put(scorer.task.id(), new SnapshotManifest.ModelUsed(scorer.bundle.version(), scorer.thresholds));
        }
        DriftReport drift = tally.drift();
        reportDrift(drift);
        Instant finishedAt = clock.instant();
        String name = store == null ? null : store.nameFor(finishedAt);
        SnapshotManifest manifest = new SnapshotManifest(name, startedAt, finishedAt, round(seconds, 2),
                Math.round(rows / Math.max(seconds, 1e-9)), request.data().getFileName().toString(), inputSha256, rows,
                tally.scored(), tally.badRows(), request.maxBadFraction(), tally.badRowExamples(), duplicates, models,
                store == null ? request.out() : scoresName, request.policy().bands(), request.policy().names(), previousCustomers);
        log.info("scored {} of {} rows in {} s ({} rows/s); {} bad rows", tally.scored(), rows, String.format("%.1f", seconds),
                manifest.rowsPerSecond(), tally.badRows());
        if (store == null) {
            return new RescoreSummary(null, manifest, tally.segmentCounts(), drift);
        }
        SnapshotReports.write(workDirectory, manifest, tally, migration, drift, json);
        store.publish(work, name);
        Path published = store.root().resolve(name);
        log.info("published snapshot {}", published);
        return new RescoreSummary(published, manifest, tally.segmentCounts(), drift);
    }

    private List<Task> loadModels(RescoreRequest request, List<ModelBundle> bundles) {
        ModelStore models = new ModelStore(request.models());
        List<Task> tasks = new ArrayList<>();
        if (request.tasks().isEmpty()) {
            for (Task task : Task.values()) {
                if (models.currentVersion(task).isPresent()) {
                    tasks.add(task);
                    bundles.add(models.loadCurrent(task));
                } else {
                    log.warn("no current {} model in {}; {} is not scored", task, request.models(), task);
                }
            }
            if (tasks.isEmpty()) {
                throw new BundleException("no models in " + request.models() + "; train one with: propensity train --task churn ...");
            }
        } else {
            for (Task task : request.tasks()) {
                tasks.add(task);
                bundles.add(models.loadCurrent(task));
            }
        }
        for (int t = 0; t < tasks.size(); t++) {
            log.info("scoring {} with model {}", tasks.get(t), bundles.get(t).version());
        }
        return tasks;
    }

    private static RowBatch readBatch(CsvRecordReader reader) {
        String[][] rows = new String[BATCH_ROWS][];
        long[] lines = new long[BATCH_ROWS];
        int size = 0;
        String[] fields;
        while (size < BATCH_ROWS && (fields = reader.nextAnyWidth()) != null) {
            rows[size] = fields;
            lines[size] = reader.lineNumber();
            size++;
        }
        return size == 0 ? null : new RowBatch(rows, lines, size);
    }

    private static BatchResult await(Future<BatchResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("scoring failed", e.getCause());
        }
    }

    private static void checkBadRows(RescoreRequest request, long rows, ScoringTally tally) {
        if (tally.badRows() > request.maxBadFraction() * rows) {
            StringBuilder examples = new StringBuilder();
            for (BadRow bad : tally.badRowExamples().subList(0, Math.min(5, tally.badRowExamples().size()))) {
                examples.append("\n  line ").append(bad.line()).append(": ").append(bad.reason());
            }
            throw DataException.inFile(request.data(), tally.badRows() + " of " + rows + " rows cannot be scored, more than the "
                    + String.format("%.3f", 100 * request.maxBadFraction()) + "% allowed (--max-bad-rows); no snapshot written. First ones:"
                    + examples);
        }
        if (tally.badRows() > 0) {
            log.warn("{} rows could not be scored (listed with line numbers in the manifest)", tally.badRows());
        }
    }

    private static void progress(long rows, long start, long bytesRead, long fileSize) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double fraction = fileSize > 0 ? Math.min(1.0, (double) bytesRead / fileSize) : 0;
        String eta = fraction > 0.01 ? String.format("%.0f s", seconds * (1 - fraction) / fraction) : "unknown";
        log.info("read {} rows ({} rows/s), {}% of the file, ETA {}", rows, Math.round(rows / seconds),
                Math.round(100 * fraction), eta);
    }

    private static void reportDrift(DriftReport drift) {
        drift.tasks().forEach((task, report) -> {
            if (report.scoreFlagged()) {
                log.warn("DRIFT: the {} score distribution moved (PSI {} > {})", task, String.format("%.3f", report.scorePsi()), Psi.ALERT);
            }
            for (DriftReport.FeatureDrift feature : report.features()) {
                if (feature.flagged()) {
                    log.warn("DRIFT: {} input '{}' differs from training (PSI {} > {})", task, feature.column(),
                            String.format("%.3f", feature.psi()), Psi.ALERT);
                }
            }
        });
    }

    static Path scoresFileIn(Path snapshot) {
        Path plain = snapshot.resolve("scores.csv");
        return Files.exists(plain) ? plain : snapshot.resolve("scores.csv.gz");
    }

    private static StagedDirectory temporaryDirectoryFor(String out) {
        try {
            Path parent = out.equals("-") ? Path.of(System.getProperty("java.io.tmpdir"))
                    : Path.of(out).toAbsolutePath().getParent();
            return StagedDirectory.scratch(parent, ".propensity-score-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + out + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
