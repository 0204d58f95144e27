// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.data.DataException;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.BadRow;
import io.github.propensity.scoring.Band;
import io.github.propensity.scoring.BasePercentiles;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.DriftReport;
import io.github.propensity.scoring.MigrationCounts;
import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.RunModels;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SnapshotCounts;
import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.scoring.SnapshotReports;
import io.github.propensity.storage.JsonMappers;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import scala.reflect.ClassTag$;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;

/**
 * The weekly rescoring on Spark: the CLI's {@code score} into a snapshot, for a base in a data lake. The driver reads
 * and verifies the models, checks the base's columns as the CLI does and ships both to the executors, which score
 * their partitions through the CLI's batch worker ({@link PartitionScorer}); the driver then checks the bad rows,
 * drops repeated ids (keeping the first row, as the CLI), adds percentiles within the base from approximate quantiles,
 * writes the scores as Parquet and the CLI's reports, and moves {@code LATEST} last.
 */
final class SparkRescore {
    private static final Logger log = LoggerFactory.getLogger(SparkRescore.class);
    /**
     * The rank error allowed in the base's quantiles ({@code approxQuantile}'s relative error): each percentile is then
     * within {@link #PERCENTILE_BOUND} points of the exact one the CLI prints.
     */
    static final double QUANTILE_RELATIVE_ERROR = 0.001;
    /** 100 * the rank error, plus one 0.1 step of the printed scale for the rounding. */
    static final double PERCENTILE_BOUND = 100 * QUANTILE_RELATIVE_ERROR + 0.1;
    static final int BAD_ROW_EXAMPLES = 100;

    private final SparkSession spark;
    private final Clock clock;

    SparkRescore(SparkSession spark, Clock clock) {
        this.spark = spark;
        this.clock = clock;
    }

    /** What a run made: the snapshot's folder and its manifest. */
    record Summary(String snapshot, SnapshotManifest manifest, SnapshotCounts counts) {
    }

    Summary run(SparkRescoreRequest request) {
        // Partition folders (a base's date=..., the previous snapshot's segment=...) are read as text, as every other
        // column: inferring types would read a segment named 007 as the number 7.
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Map<Task, ModelBundle> bundles = new LinkedHashMap<>();
        ModelStore store = new ModelStore(request.models());
        for (Task task : tasks(request)) {
            bundles.put(task, store.loadCurrent(task));
        }
        ShippedModels shipped = ShippedModels.read(request.models(), bundles, request.campaigns(), request.personas());
        log.info("scoring with {}", shipped.versions());
        Dataset<Row> base = readBase(request);
        List<String> header = Arrays.asList(base.columns());
        ScoringSpec spec = new ScoringSpec(shipped, request.data(), header, request.idColumn(), request.keepColumns(), request.segmentRules());
        SegmentPolicy policy = request.segmentRules().policy();
        // The driver binds the models to the header as each executor will, so a base the CLI refuses is refused here,
        // before any partition is read.
        BaseScoring scoring = BaseScoring.prepare(spec.input(), header,
                new RunModels(bundles, request.models(), request.campaigns(), request.personas()), policy);
        List<Task> tasks = scoring.tasks();

        SnapshotFolder folder = new SnapshotFolder(request.snapshots(), spark.sparkContext().hadoopConfiguration());
        Path previous = folder.latest().orElse(null);

        LongAccumulator badRows = spark.sparkContext().longAccumulator("bad rows");
        CollectionAccumulator<BadRowExample> examples = spark.sparkContext().collectionAccumulator("bad row examples");
        DriftAccumulator drift = new DriftAccumulator(scoring.newDriftCounts());
        spark.sparkContext().register(drift, "drift counts");
        Broadcast<ScoringSpec> broadcast = spark.sparkContext().broadcast(spec, ClassTag$.MODULE$.apply(ScoringSpec.class));
        StructType schema = ScoresSchema.scored(request.idColumn(), request.keepColumns(), scoring);
        // Cached, and counted at once: the accumulators are read after this one action, before any later action could
        // score a partition again (a cached block spilled to disk is read back, not recomputed).
        Dataset<Row> scored = asText(base).mapPartitions(new PartitionScorer(broadcast, badRows, examples, drift), Encoders.row(schema))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long scoredRows = scored.count();
        logCacheSize(scoredRows);
        long bad = badRows.value();
        List<BadRowExample> badExamples = new ArrayList<>(examples.value());
        DriftReport driftReport = scoring.driftReport(drift.value());
        long rows = scoredRows + bad;
        log.info("checking for repeated ids");
        long repeated = scoredRows - scored.select(request.idColumn()).distinct().count();
        checkBadRows(request, rows, bad, repeated, badExamples);
        if (scoredRows - repeated == 0) {
            throw new DataException(request.data() + ": no rows to score");
        }
        // Without repeated ids the cached rows are the customers; with them, the window that keeps each id's first row
        // is cached too, or the quantiles, the write, the counts and the migration would each run it again.
        Dataset<Row> customers = repeated == 0 ? scored : firstOfEachId(scored, request.idColumn()).persist(StorageLevel.MEMORY_AND_DISK());
        log.info("percentiles within the base (approximate quantiles, relative error {})", QUANTILE_RELATIVE_ERROR);
        Dataset<Row> withPercentiles = addPercentiles(customers, tasks).drop(ScoresSchema.ORDER);

        String name = folder.nameFor(startedAt);
        Path snapshot = new Path(folder.root(), name);
        log.info("writing {}", new Path(snapshot, SparkMigration.SCORES));
        withPercentiles.write().partitionBy(ScoresSchema.SEGMENT).parquet(new Path(snapshot, SparkMigration.SCORES).toString());
        SnapshotCounts segmentCounts = counts(customers, scoredRows - repeated, policy, tasks);
        ValueUpliftPersonaCounts extras = ValueUpliftPersonaCounts.count(customers, scoring);
        SnapshotCounts counts = extras.addTo(segmentCounts);
        log.info(previous == null ? "no previous snapshot: no migration" : "migration against {}", previous);
        SparkMigration.Result migration = previous == null ? new SparkMigration.Result(new MigrationCounts(), 0)
                : SparkMigration.count(spark, folder, previous, customers, request.idColumn(), tasks, scoring.assignsPersonas());
        scored.unpersist();
        customers.unpersist();

        Instant finishedAt = clock.instant();
        double seconds = (System.nanoTime() - start) / 1e9;
        SnapshotManifest manifest = new SnapshotManifest(name,
                new SnapshotManifest.Timing(startedAt, finishedAt, Math.round(seconds * 100) / 100.0, Math.round(rows / Math.max(seconds, 1e-9))),
                new SnapshotManifest.Input(request.data(), null, request.idColumn(), rows, scoredRows - repeated),
                new SnapshotManifest.Rejected(bad + repeated, request.maxBadShare(), manifestExamples(badExamples), repeated),
                scoring.modelsUsed(), SparkMigration.SCORES, policy.bands(), policy.names(),
                previous == null ? null : Math.toIntExact(migration.previousCustomers()), scoring.valueUsed(extras.withoutClv()),
                scoring.campaignsUsed(), scoring.campaignsSkipped(), scoring.personasUsed());
        SnapshotReports.write(folder.reports(name), manifest, counts, migration.counts(), driftReport, JsonMappers.standard());
        folder.pointLatestAt(name);
        log.info("published snapshot {}: scored {} of {} rows in {} s; {} bad rows, {} repeated ids", snapshot, scoredRows - repeated, rows,
                String.format(Locale.ROOT, "%.1f", seconds), bad, repeated);
        return new Summary(snapshot.toString(), manifest, counts);
    }

    private List<Task> tasks(SparkRescoreRequest request) {
        return new ModelChoice(request.models(), request.tasks()).tasksToScore();
    }

    private Dataset<Row> readBase(SparkRescoreRequest request) {
        requireExists(request.data());
        return switch (request.format()) {
            case PARQUET -> spark.read().parquet(request.data());
            // Every cell as text, as the CLI reads a CSV: no type inference that could read an id as a number.
            case CSV -> spark.read().option("header", "true").option("inferSchema", "false").csv(request.data());
        };
    }

    /** A missing base is the user's input, not a failure of the job: said as bad data, before Spark says it its way. */
    private void requireExists(String data) {
        Path path = new Path(data);
        try {
            FileStatus[] matches = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new DataException(data + ": no such file or folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + data + ": " + e.getMessage(), e);
        }
    }

    /** Every column as text in the header's order: the form the CLI's encoder reads, whatever Parquet typed it as. */
    private static Dataset<Row> asText(Dataset<Row> base) {
        Column[] columns = Arrays.stream(base.columns()).map(c -> col("`" + c + "`").cast(DataTypes.StringType).as(c)).toArray(Column[]::new);
        return base.select(columns);
    }

    /** The first row of each repeated id, by input order; the rest are bad rows, as in the CLI. */
    private static Dataset<Row> firstOfEachId(Dataset<Row> scored, String idColumn) {
        return scored.withColumn("_first", min(col(ScoresSchema.ORDER)).over(Window.partitionBy(col(idColumn))))
                .filter(col(ScoresSchema.ORDER).equalTo(col("_first"))).drop("_first");
    }

    private static Dataset<Row> addPercentiles(Dataset<Row> customers, List<Task> tasks) {
        String[] probabilities = tasks.stream().map(ScoresSchema::probability).toArray(String[]::new);
        double[][] quantiles = customers.stat().approxQuantile(probabilities, BasePercentiles.stepShares(), QUANTILE_RELATIVE_ERROR);
        Dataset<Row> out = customers;
        for (int t = 0; t < tasks.size(); t++) {
            out = out.withColumn(ScoresSchema.percentile(tasks.get(t)),
                    udf(new PercentileUdf(quantiles[t]), DataTypes.DoubleType).apply(col(probabilities[t])));
        }
        return out;
    }

    /** Customers per segment and per band of each task, from one aggregation (at most 256 x 3^tasks groups). */
    private static SnapshotCounts counts(Dataset<Row> customers, long scored, SegmentPolicy policy, List<Task> tasks) {
        Map<String, Long> segments = new LinkedHashMap<>();
        policy.names().forEach(name -> segments.put(name, 0L));
        List<Map<String, Long>> bandsByTask = new ArrayList<>();
        Column[] groups = new Column[1 + tasks.size()];
        groups[0] = col(ScoresSchema.SEGMENT);
        for (int t = 0; t < tasks.size(); t++) {
            groups[1 + t] = col(ScoresSchema.band(tasks.get(t)));
            Map<String, Long> byBand = new LinkedHashMap<>();
            for (Band band : Band.values()) {
                byBand.put(band.label(), 0L);
            }
            bandsByTask.add(byBand);
        }
        for (Row group : customers.groupBy(groups).count().collectAsList()) {
            long count = group.getLong(1 + tasks.size());
            segments.merge(group.getString(0), count, Long::sum);
            for (int t = 0; t < tasks.size(); t++) {
                bandsByTask.get(t).merge(group.getString(1 + t), count, Long::sum);
            }
        }
        Map<String, Map<String, Long>> bands = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            bands.put(tasks.get(t).id(), bandsByTask.get(t));
        }
        return new SnapshotCounts(scored, segments, bands);
    }

    private static void checkBadRows(SparkRescoreRequest request, long rows, long bad, long repeated, List<BadRowExample> examples) {
        if (bad + repeated > request.maxBadShare() * rows) {
            StringBuilder first = new StringBuilder();
            examples.stream().sorted(Comparator.comparingInt(BadRowExample::partition).thenComparingLong(BadRowExample::row)).limit(5)
                    .forEach(e -> first.append("\n  partition ").append(e.partition()).append(", row ").append(e.row()).append(": ").append(e.reason()));
            throw new DataException(request.data() + ": " + (bad + repeated) + " of " + rows + " rows cannot be scored (" + repeated
                    + " of them repeat an id), more than the " + String.format(Locale.ROOT, "%.3f", 100 * request.maxBadShare())
                    + "% allowed (--max-bad-rows); no snapshot written. First ones:" + first);
        }
        if (bad + repeated > 0) {
            log.warn("{} rows could not be scored and {} repeat an earlier row's id (listed in the manifest)", bad, repeated);
        }
    }

    /** The first bad rows in input order, as the manifest lists them; a row's place is its partition and row within it. */
    private static List<BadRow> manifestExamples(List<BadRowExample> examples) {
        return examples.stream().sorted(Comparator.comparingInt(BadRowExample::partition).thenComparingLong(BadRowExample::row))
                .limit(BAD_ROW_EXAMPLES)
                .map(e -> new BadRow(e.row(), e.column(), "input partition " + e.partition() + ", row " + e.row() + ": " + e.reason()))
                .toList();
    }

    /** What the cached scores take, for sizing executors (the README's plan is made from it). */
    private void logCacheSize(long rows) {
        long memory = 0;
        long disk = 0;
        for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            memory += info.memSize();
            disk += info.diskSize();
        }
        log.info("scored {} rows; cached: {} MB in memory, {} MB on disk", rows, memory >> 20, disk >> 20);
    }
}
