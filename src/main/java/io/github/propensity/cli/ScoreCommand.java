// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.scoring.ModelChoice;
import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.RescoreSummary;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoresFormat;
import io.github.propensity.scoring.ScoringInput;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.scoring.SegmentPolicyFile;
import io.github.propensity.model.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "score", sortOptions = false,
        description = {"Score a customer base with every current model into a snapshot with predictive segments.",
                "Writes <snapshots>/<time>/ (scores.csv or, with --format parquet, scores.parquet; manifest.json, segments.json, migration.csv, drift.json) and "
                        + "points <snapshots>/LATEST at it once complete; or, with --out, just the scores file.",
                "A base with a clv_<days>d column (and p_alive) gets clv, p_alive and value_band in the scores file, the band read "
                        + "against the current value model in --models; segment rules may then use \"value\".",
                "Every campaign with a current uplift model in --models adds <campaign>_uplift and <campaign>_group after the task "
                        + "columns; segment rules may then use \"uplift\". A campaign found there whose input columns the base lacks is "
                        + "skipped with a warning; one named with --uplift is an error (exit 3).",
                "A current persona model in --models adds persona (the id) and persona_name after the uplift columns; segment rules may "
                        + "then use \"persona\". A base without its input columns is skipped with a warning; with --personas it is an error (exit 3).",
                "Progress goes to stderr; the last stdout line is a JSON summary (unless --out -)."})
final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "customer base: a CSV (.csv or .csv.gz), a .parquet file or a folder of Parquet parts (as Spark writes them)")
    Path data;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "customer id column")
    String id;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "tasks to score, comma-separated (default: every task with a current model)")
    List<Task> tasks = new ArrayList<>();

    @CommandLine.Mixin
    ModelsDirectory models;

    @Option(names = "--snapshots", paramLabel = "DIR", defaultValue = "snapshots", description = "snapshot directory (default: ${DEFAULT-VALUE})")
    Path snapshots;

    @Option(names = "--out", paramLabel = "FILE", description = "write only the scores file here (- for stdout); no snapshot")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "format of the --out file: csv or parquet (typed columns, Snappy); default: parquet when --out ends in .parquet,"
                    + " else csv; in a snapshot: scores.csv, or scores.parquet with --format parquet")
    String format;

    @Option(names = "--segments", paramLabel = "FILE", description = "segment rules (JSON); default: the built-in rules in the README")
    Path segments;

    @Option(names = "--max-bad-rows", paramLabel = "SHARE", defaultValue = "0.1%",
            description = "fail (exit 3, nothing written) when more rows than this cannot be scored: a percentage like 0.5%% or a share like 0.005 (default: ${DEFAULT-VALUE})")
    String maxBadRows;

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN",
            description = "input columns to copy into the scores file after the segment, e.g. rfm_segment (never PII you do not need downstream)")
    List<String> keep = new ArrayList<>();

    @Option(names = "--gzip", description = "write scores.csv.gz in the snapshot (not with --format parquet, which is compressed already)")
    boolean gzip;

    @CommandLine.ArgGroup(exclusive = true)
    UpliftOptions uplift;

    @CommandLine.ArgGroup(exclusive = true)
    PersonaOptions personas;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Option(names = "--threads", paramLabel = "N", description = "scoring threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        int threadCount = ThreadCount.resolve(threads, context.commandLine());
        SegmentPolicy policy = segments == null ? SegmentPolicy.defaults() : SegmentPolicyFile.read(segments);
        RescoreRequest request;
        try {
            ScoresDestination destination = out == null ? new ScoresDestination.Snapshot(snapshots, snapshotFormat()) : fileDestination();
            request = new RescoreRequest(new ScoringInput(data, separator.orDetect(), id, keep), new ModelChoice(models.path(), tasks), destination,
                    policy, parseShare(maxBadRows), threadCount, UpliftOptions.campaigns(uplift, models.path()),
                    PersonaOptions.personas(personas, models.path()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
        }
        RescoreSummary summary = new RescoreJob().run(request);
        if (!"-".equals(out)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("snapshot", summary.snapshot() == null ? null : summary.snapshot().toString());
            line.put("scores", summary.snapshot() == null ? out : summary.snapshot().resolve(summary.manifest().scoresFile()).toString());
            line.put("rows", summary.manifest().input().rows());
            line.put("scored", summary.manifest().input().scored());
            line.put("bad_rows", summary.manifest().rejected().count());
            line.put("rows_per_second", summary.manifest().timing().rowsPerSecond());
            line.put("segments", summary.segmentCounts());
            if (summary.manifest().uplift() != null) {
                line.put("uplift_campaigns", List.copyOf(summary.manifest().uplift().keySet()));
            }
            if (summary.manifest().personas() != null && summary.manifest().personas().version() != null) {
                line.put("persona_model", summary.manifest().personas().version());
            }
            List<String> drifted = new ArrayList<>();
            summary.drift().tasks().forEach((task, drift) -> {
                if (drift.scoreFlagged()) {
                    drifted.add(task + " score");
                }
                drift.features().stream().filter(f -> f.flagged()).forEach(f -> drifted.add(task + ":" + f.column()));
            });
            line.put("drift_alerts", drifted);
            context.commandLine().getOut().println(JsonLine.of(line));
            context.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }

    /**
     * A snapshot holds scores.csv (or .csv.gz), or scores.parquet with {@code --format parquet}: every reader of a
     * snapshot (migration, the server's lists, targeting, backtests) reads each.
     */
    private ScoresDestination.Snapshot.Format snapshotFormat() {
        if (!chosenFormat().equals("parquet")) {
            return gzip ? ScoresDestination.Snapshot.Format.CSV_GZIP : ScoresDestination.Snapshot.Format.CSV;
        }
        if (gzip) {
            throw new IllegalArgumentException("--gzip compresses scores.csv; --format parquet writes scores.parquet, compressed with Snappy"
                    + " already: drop one of them");
        }
        return ScoresDestination.Snapshot.Format.PARQUET;
    }

    /** Parquet goes only to a file named .parquet: the name is what decides the format when the file is written. */
    private ScoresDestination fileDestination() {
        String chosen = chosenFormat();
        boolean parquetName = !out.equals("-") && ScoresFormat.of(Path.of(out)) == ScoresFormat.PARQUET;
        if (chosen.equals("parquet") && !parquetName) {
            throw new IllegalArgumentException("--format parquet needs --out to name a file ending in .parquet, got '" + out + "'");
        }
        if (chosen.equals("csv") && format != null && parquetName) {
            throw new IllegalArgumentException("--format csv with --out '" + out + "': a .parquet name is written as Parquet; name it .csv");
        }
        return ScoresDestination.out(out);
    }

    /** csv or parquet as asked, csv when not asked. */
    private String chosenFormat() {
        if (format == null) {
            return "csv";
        }
        String chosen = format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("csv") && !chosen.equals("parquet")) {
            throw new IllegalArgumentException("--format takes csv or parquet, got '" + format + "'");
        }
        return chosen;
    }

    private double parseShare(String text) {
        try {
            return BadRowShare.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(context.commandLine(), e.getMessage());
        }
    }
}
