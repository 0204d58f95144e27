// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.data.InOrderPipeline;
import io.github.propensity.data.RecordChunk;
import io.github.propensity.data.RecordSource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    /** Enough rows (about 2 MB of a typical file) that the reader's read-ahead barely skews the estimate. */
    private static final int ESTIMATE_AFTER_ROWS = 16_384;
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
        Map<Task, ModelBundle> bundles = loadModels(request.models());
        ScoresDestination destination = request.destination();
        if (destination instanceof ScoresDestination.Snapshot snapshot) {
            SnapshotStore store = new SnapshotStore(snapshot.snapshots());
            try (SnapshotStore.Lock lock = store.lock(); StagedDirectory work = store.newStaging()) {
                FirstPass pass = firstPass(request, bundles, work.path(), start);
                return publish(request, pass, snapshot, store, work, startedAt, start);
            }
        }
        try (StagedDirectory work = temporaryDirectoryFor(destination)) {
            FirstPass pass = firstPass(request, bundles, work.path(), start);
            ScoresFileFinisher finisher = pass.finisher(request);
            if (destination instanceof ScoresDestination.File file) {
                finisher.writeFile(pass.partial(), file.out());
            } else {
                // The sealed type's last case: neither a snapshot nor a file is stdout.
                finisher.writeStdout(pass.partial());
            }
            SnapshotManifest manifest = manifest(request, pass, null, startedAt, clock.instant(), start, null);
            return new RescoreSummary(null, manifest, pass.tally().segmentCounts(), pass.drift());
        }
    }

    /** What pass one leaves: the scored rows in {@code partial} and the per-row numbers in {@code tally}. */
    private record FirstPass(BaseScoring scoring, ScoringTally tally, DriftReport drift, Path partial, long rows, String inputSha256) {
        List<Task> tasks() {
            return scoring.tasks();
        }

        ScoresFileFinisher finisher(RescoreRequest request) {
            return new ScoresFileFinisher(tasks(), request.input(), tally, scoring.valueColumns(), scoring.campaignNames(),
                    scoring.assignsPersonas());
        }
    }

    private FirstPass firstPass(RescoreRequest request, Map<Task, ModelBundle> bundles, Path workDirectory, long start) {
        ScoringInput input = request.input();
        try (RecordSource reader = RecordSource.open(input.data(), input.separator())) {
            BaseScoring scoring = BaseScoring.prepare(input, reader.header(),
                    new RunModels(bundles, request.models().directory(), request.campaigns(), request.personas()), request.policy());
            ScoringTally tally = scoring.newTally();
            Path partial = workDirectory.resolve(".scores.partial");
            long rows = scoreRows(request, reader, scoring.worker(), tally, partial, start);
            checkBadRows(request, rows, tally);
            if (tally.scored() == 0) {
                throw DataException.inFile(input.data(), "no rows to score");
            }
            DriftReport drift = tally.drift();
            reportDrift(drift);
            return new FirstPass(scoring, tally, drift, partial, rows, reader.sha256Hex());
        }
    }

    /** Streams the input through the scoring threads; returns the number of records read. */
    private static long scoreRows(RescoreRequest request, RecordSource reader, BatchWorker worker, ScoringTally tally,
                                  Path partial, long start) {
        long fileSize = reader.totalBytes();
        FirstOccurrences firstLines = new FirstOccurrences(1 << 16);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             InOrderPipeline<RecordChunk, BatchResult> scoring = new InOrderPipeline<>(request.threads(), "scoring",
                     chunk -> worker.score(chunk.split(true)), result -> tally.add(result, firstLines, out))) {
            long lastProgress = System.nanoTime();
            boolean reserved = false;
            RecordChunk chunk;
            while ((chunk = reader.nextChunk(BATCH_ROWS)) != null) {
                rows += chunk.records();
                if (!reserved && rows >= ESTIMATE_AFTER_ROWS && fileSize > 0) {
                    // What is kept per customer is sized once from the rows the file will hold, with a margin,
                    // instead of doubled as it fills: doubling holds the old and the new table at once.
                    long expected = (long) (1.1 * rows * fileSize / Math.max(1, reader.bytesRead()));
                    firstLines.reserve(expected);
                    tally.reserve(expected);
                    reserved = true;
                }
                scoring.submit(chunk);
                DataException failure = chunk.failure();
                if (failure != null) {
                    // The rows before the unreadable record are scored first, so a bad row before it counts.
                    scoring.finish();
                    throw failure;
                }
                if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    progress(rows, start, reader.bytesRead(), fileSize);
                }
            }
            scoring.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scores under " + partial.getParent() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private RescoreSummary publish(RescoreRequest request, FirstPass pass, ScoresDestination.Snapshot snapshot,
                                   SnapshotStore store, StagedDirectory work, Instant startedAt, long start) {
        Path workDirectory = work.path();
        List<Task> tasks = pass.tasks();
        Migration migration = Migration.none(tasks, request.policy().names());
        Integer previousCustomers = null;
        Path previous = store.latest().orElse(null);
        if (previous != null) {
            migration = Migration.from(previous, tasks, request.policy().names(), pass.scoring().personaIds());
            previousCustomers = migration.previousCustomers();
        }
        pass.finisher(request).writeFile(pass.partial(), workDirectory.resolve(snapshot.scoresFile()), migration);
        deleteTemporary(pass.partial());
        Instant finishedAt = clock.instant();
        String name = store.nameFor(finishedAt);
        SnapshotManifest manifest = manifest(request, pass, name, startedAt, finishedAt, start, previousCustomers);
        SnapshotReports.write(SnapshotReports.ReportFiles.in(workDirectory), manifest, pass.tally().counts(), migration.counts(),
                pass.drift(), json);
        store.publish(work, name);
        Path published = store.root().resolve(name);
        log.info("published snapshot {}", published);
        return new RescoreSummary(published, manifest, pass.tally().segmentCounts(), pass.drift());
    }

    private SnapshotManifest manifest(RescoreRequest request, FirstPass pass, String name, Instant startedAt,
                                             Instant finishedAt, long start, Integer previousCustomers) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, SnapshotManifest.ModelUsed> models = pass.scoring().modelsUsed();
        ScoringTally tally = pass.tally();
        SnapshotManifest manifest = new SnapshotManifest(name,
                new SnapshotManifest.Timing(startedAt, finishedAt, round(seconds, 2), Math.round(pass.rows() / Math.max(seconds, 1e-9))),
                new SnapshotManifest.Input(request.data().getFileName().toString(), pass.inputSha256(), request.input().idColumn(),
                        pass.rows(), tally.scored()),
                new SnapshotManifest.Rejected(tally.badRows(), request.maxBadFraction(), tally.badRowExamples(), tally.repeatedIds()),
                models, request.destination().scoresFile(), request.policy().bands(), request.policy().names(), previousCustomers,
                pass.scoring().valueUsed(tally.withoutClv()), pass.scoring().campaignsUsed(), pass.scoring().campaignsSkipped(),
                pass.scoring().personasUsed());
        log.info("scored {} of {} rows in {} s ({} rows/s); {} bad rows", tally.scored(), pass.rows(),
                String.format(Locale.ROOT, "%.1f", seconds), manifest.timing().rowsPerSecond(), tally.badRows());
        return manifest;
    }

    private static void deleteTemporary(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<Task, ModelBundle> loadModels(ModelChoice choice) {
        ModelStore models = new ModelStore(choice.directory());
        Map<Task, ModelBundle> bundles = new LinkedHashMap<>();
        for (Task task : choice.tasksToScore()) {
            bundles.put(task, models.loadCurrent(task));
        }
        bundles.forEach((task, bundle) -> log.info("scoring {} with model {}", task, bundle.version()));
        return bundles;
    }

    private static void checkBadRows(RescoreRequest request, long rows, ScoringTally tally) {
        if (tally.badRows() > request.maxBadFraction() * rows) {
            StringBuilder examples = new StringBuilder();
            for (BadRow bad : tally.badRowExamples().subList(0, Math.min(5, tally.badRowExamples().size()))) {
                examples.append("\n  line ").append(bad.line()).append(": ").append(bad.reason());
            }
            throw DataException.inFile(request.data(), tally.badRows() + " of " + rows + " rows cannot be scored, more than the "
                    + String.format(Locale.ROOT, "%.3f", 100 * request.maxBadFraction()) + "% allowed (--max-bad-rows); no snapshot written. First ones:"
                    + examples);
        }
        if (tally.repeatedIds() > 0) {
            log.warn("{} rows repeat the customer id of an earlier row; only the first is scored (listed with line numbers in the manifest)",
                    tally.repeatedIds());
        }
        if (tally.badRows() > 0) {
            log.warn("{} rows could not be scored (listed with line numbers in the manifest)", tally.badRows());
        }
    }

    private static void progress(long rows, long start, long bytesRead, long fileSize) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double fraction = fileSize > 0 ? Math.min(1.0, (double) bytesRead / fileSize) : 0;
        String eta = fraction > 0.01 ? String.format(Locale.ROOT, "%.0f s", seconds * (1 - fraction) / fraction) : "unknown";
        log.info("read {} rows ({} rows/s), {}% of the file, ETA {}", rows, Math.round(rows / seconds),
                Math.round(100 * fraction), eta);
    }

    private static void reportDrift(DriftReport drift) {
        drift.tasks().forEach((task, report) -> {
            if (report.scoreFlagged()) {
                log.warn("DRIFT: the {} score distribution moved (PSI {} > {})", task, String.format(Locale.ROOT, "%.3f", report.scorePsi()), Psi.ALERT);
            }
            for (DriftReport.FeatureDrift feature : report.features()) {
                if (feature.flagged()) {
                    log.warn("DRIFT: {} input '{}' differs from training (PSI {} > {})", task, feature.column(),
                            String.format(Locale.ROOT, "%.3f", feature.psi()), Psi.ALERT);
                }
            }
        });
    }

    private static StagedDirectory temporaryDirectoryFor(ScoresDestination out) {
        Path parent = out instanceof ScoresDestination.File file ? file.out().toAbsolutePath().getParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return StagedDirectory.scratch(parent, ".propensity-score-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
        }
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
