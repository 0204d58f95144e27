// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.propensity.cli.BadRowShare;
import io.github.propensity.cli.ExitCode;
import io.github.propensity.cli.PersonaOptions;
import io.github.propensity.cli.UpliftOptions;
import io.github.propensity.model.Task;
import io.github.propensity.storage.JsonMappers;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rescore}: the CLI's {@code score} into a snapshot, on Spark. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Scores a customer base with every current model on Spark and publishes a snapshot: scores.parquet "
                + "(partitioned by segment) with the CLI's manifest.json, segments.json, migration.csv and drift.json; "
                + "LATEST moves last.",
                "As score: a base with a clv_<days>d column gets clv, p_alive and value_band; every campaign with a current uplift "
                        + "model in --models adds <campaign>_uplift and <campaign>_group; a current persona model adds persona and persona_name.",
                "Percentiles within the base come from approximate quantiles, within 0.2 points of the CLI's exact ones.",
                "The last stdout line is a JSON summary."})
final class RescoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "URI", description = "the base: a Parquet or CSV file or folder (s3a://, hdfs://, a local path)")
    String data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet", description = "parquet or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--id", paramLabel = "COLUMN", defaultValue = "customer_id", description = "customer id column (default: ${DEFAULT-VALUE})")
    String id;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models", description = "model store, read on the driver (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--snapshots", required = true, paramLabel = "URI", description = "snapshot folder (s3a://, hdfs://, a local path)")
    String snapshots;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK", description = "tasks to score (default: every task with a current model)")
    List<String> tasks = List.of();

    @Option(names = "--segments", paramLabel = "FILE", description = "segment rules (JSON); default: the built-in rules")
    Path segments;

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN", description = "input columns copied into the scores")
    List<String> keep = List.of();

    @Option(names = "--max-bad-rows", paramLabel = "SHARE", defaultValue = "0.1%",
            description = "fail without publishing when more rows than this are bad or repeat an id: a percentage (0.5%%) or a share (0.005); default ${DEFAULT-VALUE}")
    String maxBadRows;

    @CommandLine.ArgGroup(exclusive = true)
    UpliftOptions uplift;

    @CommandLine.ArgGroup(exclusive = true)
    PersonaOptions personas;

    @Override
    public Integer call() {
        SparkRescoreRequest request;
        try {
            request = new SparkRescoreRequest(data, inputFormat(), models, snapshots, id, tasks.stream().map(Task::parse).toList(),
                    segmentRules(), keep, BadRowShare.parse(maxBadRows), UpliftOptions.campaigns(uplift, models),
                    PersonaOptions.personas(personas, models));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SparkSession spark = SparkSession.builder().appName("propensity rescore").getOrCreate();
        SparkRescore.Summary summary = new SparkRescore(spark, Clock.systemUTC()).run(request);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("snapshot", summary.snapshot());
        line.put("rows", summary.manifest().input().rows());
        line.put("scored", summary.manifest().input().scored());
        line.put("bad_rows", summary.manifest().rejected().count());
        line.put("rows_per_second", summary.manifest().timing().rowsPerSecond());
        line.put("segments", summary.counts().segments());
        if (summary.manifest().uplift() != null) {
            line.put("uplift_campaigns", List.copyOf(summary.manifest().uplift().keySet()));
        }
        if (summary.manifest().personas() != null && summary.manifest().personas().version() != null) {
            line.put("persona_model", summary.manifest().personas().version());
        }
        try {
            spec.commandLine().getOut().println(JsonMappers.standard().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private SparkRescoreRequest.InputFormat inputFormat() {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "parquet" -> SparkRescoreRequest.InputFormat.PARQUET;
            case "csv" -> SparkRescoreRequest.InputFormat.CSV;
            default -> throw new IllegalArgumentException("--format takes parquet or csv, got '" + format + "'");
        };
    }

    private SegmentRules segmentRules() {
        if (segments == null) {
            return new SegmentRules.BuiltIn();
        }
        try {
            return new SegmentRules.FromFile(segments.getFileName().toString(), Files.readAllBytes(segments));
        } catch (IOException e) {
            throw new IllegalArgumentException("--segments: cannot read " + segments + ": " + e.getMessage());
        }
    }
}
