// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.data.DataException;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.MigrationCounts;
import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.scoring.SnapshotReports;
import io.github.propensity.storage.JsonMappers;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Segment, band and persona migration against the previous snapshot, as the CLI's counts it, by a full outer join on
 * the customer id: a customer only in this run comes from {@code (new)}, one only in the previous snapshot goes to
 * {@code (gone)}, and a band the previous snapshot did not score reads as {@code (new)}. The persona dimension is
 * counted only when both snapshots carry personas, a customer without a previous persona coming from {@code (new)}
 * and a gone customer without one left out, as in the CLI. The previous snapshot may be
 * the job's (Parquet) or the CLI's ({@code scores.csv}, {@code scores.csv.gz}); its id column is the one its manifest names.
 */
final class SparkMigration {
    static final String SCORES = "scores.parquet";

    private SparkMigration() {
    }

    /**
     * The from-to counts and the previous snapshot's customers (each of them either stayed, in some segment, or went).
     */
    record Result(MigrationCounts counts, long previousCustomers) {
    }

    /** @param personas whether this run assigns personas */
    static Result count(SparkSession spark, SnapshotFolder folder, Path previous, Dataset<Row> current, String idColumn,
                        List<Task> tasks, boolean personas) {
        Dataset<Row> before = previousScores(spark, folder, previous);
        String previousId = previousIdColumn(folder, previous);
        List<String> columns = Arrays.asList(before.columns());
        if (!columns.contains(previousId) || !columns.contains(ScoresSchema.SEGMENT)) {
            throw new DataException(previous + ": the previous snapshot's scores have no '" + previousId + "' or 'segment' column");
        }
        List<Column> previousColumns = new ArrayList<>(List.of(col(previousId).cast("string").as("id"), col(ScoresSchema.SEGMENT).as("segment")));
        List<Column> currentColumns = new ArrayList<>(List.of(col(idColumn).as("id"), col(ScoresSchema.SEGMENT).as("segment")));
        for (int t = 0; t < tasks.size(); t++) {
            String band = ScoresSchema.band(tasks.get(t));
            previousColumns.add((columns.contains(band) ? col(band).cast("string") : lit(null).cast("string")).as("band" + t));
            currentColumns.add(col(band).as("band" + t));
        }
        boolean tracksPersonas = personas && columns.contains(ScoresSchema.PERSONA);
        if (tracksPersonas) {
            // An empty cell of a CLI scores file is no persona, as a null one of the job's.
            Column previousPersona = col(ScoresSchema.PERSONA).cast("string");
            previousColumns.add(when(previousPersona.equalTo(""), lit(null).cast("string")).otherwise(previousPersona).as("persona"));
            currentColumns.add(col(ScoresSchema.PERSONA).cast("string").as("persona"));
        }
        Dataset<Row> from = before.select(previousColumns.toArray(Column[]::new)).as("p");
        Dataset<Row> to = current.select(currentColumns.toArray(Column[]::new)).as("c");
        Dataset<Row> joined = from.join(to, col("p.id").equalTo(col("c.id")), "full_outer");
        List<String> dimensions = new ArrayList<>(List.of("segment"));
        List<Column> moves = new ArrayList<>();
        moves.add(move("segment", "segment"));
        for (int t = 0; t < tasks.size(); t++) {
            dimensions.add(ScoresSchema.band(tasks.get(t)));
            moves.add(move(ScoresSchema.band(tasks.get(t)), "band" + t));
        }
        if (tracksPersonas) {
            dimensions.add(ScoresSchema.PERSONA);
            moves.add(move(ScoresSchema.PERSONA, "persona"));
        }
        List<Row> cells = joined.select(explode(array(moves.toArray(Column[]::new))).as("m"))
                .groupBy(col("m.dimension"), col("m.from"), col("m.to")).count().collectAsList();
        MigrationCounts counts = new MigrationCounts();
        long previousCustomers = 0;
        // As the CLI: no persona dimension when the previous snapshot assigned nobody one.
        boolean previousPersonas = cells.stream().anyMatch(cell -> cell.getString(0).equals(ScoresSchema.PERSONA)
                && !cell.getString(1).equals(MigrationCounts.NEW));
        for (String dimension : dimensions) {
            if (dimension.equals(ScoresSchema.PERSONA) && !previousPersonas) {
                continue;
            }
            for (Row cell : cells) {
                if (isPersonaGoneWithoutOne(cell)) {
                    continue;
                }
                if (cell.getString(0).equals(dimension)) {
                    counts.add(dimension, cell.getString(1), cell.getString(2), cell.getLong(3));
                    if (dimension.equals("segment") && !cell.getString(1).equals(MigrationCounts.NEW)) {
                        previousCustomers += cell.getLong(3);
                    }
                }
            }
        }
        return new Result(counts, previousCustomers);
    }

    /** A previous customer without a persona who is gone: the CLI's persona dimension does not count them. */
    private static boolean isPersonaGoneWithoutOne(Row cell) {
        return cell.getString(0).equals(ScoresSchema.PERSONA) && cell.getString(1).equals(MigrationCounts.NEW)
                && cell.getString(2).equals(MigrationCounts.GONE);
    }

    private static Column move(String dimension, String column) {
        return struct(lit(dimension).as("dimension"), coalesce(col("p." + column), lit(MigrationCounts.NEW)).as("from"),
                coalesce(col("c." + column), lit(MigrationCounts.GONE)).as("to"));
    }

    private static Dataset<Row> previousScores(SparkSession spark, SnapshotFolder folder, Path previous) {
        if (folder.exists(previous, SCORES)) {
            return spark.read().parquet(new Path(previous, SCORES).toString());
        }
        for (String csv : List.of("scores.csv", "scores.csv.gz")) {
            if (folder.exists(previous, csv)) {
                return spark.read().option("header", "true").option("inferSchema", "false").csv(new Path(previous, csv).toString());
            }
        }
        throw new DataException(previous + ": the previous snapshot has no scores (" + SCORES + " or scores.csv)");
    }

    private static String previousIdColumn(SnapshotFolder folder, Path previous) {
        Path manifest = new Path(previous, SnapshotReports.MANIFEST);
        try {
            return SnapshotManifest.idColumnOf(JsonMappers.standard().readTree(folder.read(manifest)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }
}
