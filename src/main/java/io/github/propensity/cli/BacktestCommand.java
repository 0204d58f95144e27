// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.backtest.BacktestEntry;
import io.github.propensity.backtest.BacktestFlag;
import io.github.propensity.backtest.BacktestFlags;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.backtest.BacktestRequest;
import io.github.propensity.backtest.BandOutcome;
import io.github.propensity.backtest.Backtester;
import io.github.propensity.backtest.CardFigures;
import io.github.propensity.backtest.JoinCounts;
import io.github.propensity.evaluation.DecileRow;
import io.github.propensity.model.Task;
import io.github.propensity.targeting.TargetSnapshots;
import io.github.propensity.training.LabelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "backtest", sortOptions = false, subcommands = {BacktestListCommand.class},
        description = {"Measure how a snapshot's scores for one task turned out, once the outcomes are known, and add the result"
                + " to the snapshot directory's ledger (backtests.jsonl; see: backtest list).",
                "Joins the outcomes to the snapshot by customer id and measures the matched customers: AUC, average precision,"
                        + " Brier, ECE, realized rate and lift per band and per decile, against the figures on the card of the model"
                        + " that scored the snapshot. Flags (WARN) a realized AUC more than " + BacktestFlags.MAX_AUC_DROP
                        + " below the card's and an ECE above " + BacktestFlags.MAX_ECE + ". A report goes to stderr; the last"
                        + " stdout line is the ledger entry as JSON."})
final class BacktestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    // Not required by picocli: it would then demand them for "backtest list" too. Checked in call().
    @Option(names = "--snapshot", paramLabel = "DIR", description = "the snapshot folder whose scores to measure, or latest: the one <snapshots>/LATEST names")
    String snapshot;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "CSV (.csv or .csv.gz) with a customer id column and the outcome column")
    Path outcomes;

    @Option(names = "--id", paramLabel = "COLUMN", description = "the outcomes file's customer id column")
    String id;

    @Option(names = "--task", paramLabel = "TASK", description = "the scored task the outcome answers: churn, purchase or conversion")
    Task task;

    @Option(names = "--label", paramLabel = "COLUMN", description = "the outcomes file's outcome column")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "label value meaning the outcome happened (case-insensitive)")
    String positive;

    @CommandLine.Mixin
    ModelsDirectory models;

    @Option(names = "--snapshots", paramLabel = "DIR",
            description = "snapshot directory holding LATEST and the ledger (default: the snapshot folder's parent, or snapshots with --snapshot latest)")
    Path snapshots;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Override
    public Integer call() {
        requireOptions();
        LabelSpec labelSpec;
        try {
            labelSpec = new LabelSpec(label, positive);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(context.commandLine(), "--label and --positive must not be empty");
        }
        Path directory = snapshots != null ? snapshots
                : snapshot.equals(TargetSnapshots.LATEST) ? Path.of("snapshots") : parentOf(Path.of(snapshot));
        Path folder = TargetSnapshots.resolve(snapshot, directory);
        BacktestEntry entry = new Backtester(Clock.systemUTC()).run(new BacktestRequest(folder, outcomes, id, task, labelSpec,
                models.path(), separator.orDetect()));
        BacktestLedger ledger = new BacktestLedger(directory);
        ledger.append(entry);
        PrintWriter err = context.commandLine().getErr();
        report(err, entry);
        err.println("appended to " + ledger.file());
        err.flush();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ledger", ledger.file().toString());
        line.put("backtest", entry);
        context.commandLine().getOut().println(JsonLine.of(line));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (snapshot == null) {
            missing.add("--snapshot");
        }
        if (outcomes == null) {
            missing.add("--outcomes");
        }
        if (id == null) {
            missing.add("--id");
        }
        if (task == null) {
            missing.add("--task");
        }
        if (label == null) {
            missing.add("--label");
        }
        if (positive == null) {
            missing.add("--positive");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(context.commandLine(), "missing required option" + (missing.size() > 1 ? "s" : "")
                    + ": " + String.join(", ", missing) + " (or run: backtest list)");
        }
    }

    private static Path parentOf(Path folder) {
        Path parent = folder.normalize().getParent();
        return parent != null ? parent : folder.toAbsolutePath().normalize().getParent();
    }

    private static void report(PrintWriter err, BacktestEntry entry) {
        JoinCounts join = entry.join();
        err.printf(Locale.ROOT, "backtest of %s on snapshot %s (model %s) against %s (%s = %s)%n", entry.task(), entry.snapshot(),
                entry.modelVersion(), entry.outcomes().file(), entry.outcomes().label(), entry.outcomes().positive());
        err.printf(Locale.ROOT, "  outcomes: %d records, %d matched, %d not in the snapshot, %d repeated ids (first kept), %d without"
                        + " an outcome, %d without an id%n", join.outcomeRows(), join.matched(), join.outcomesNotInSnapshot(),
                join.repeatedOutcomeIds(), join.unlabelledOutcomes(), join.outcomesWithoutId());
        err.printf(Locale.ROOT, "  snapshot: %d customers, %d without an outcome%n", join.snapshotCustomers(),
                join.snapshotCustomersWithoutOutcome());
        CardFigures card = entry.card();
        Map<String, Object> realized = entry.realized();
        err.printf(Locale.ROOT, "  %-10s %9s %9s%n", "", "realized", card == null ? "card" : "card (" + card.split() + ")");
        row(err, "AUC", realized.get("auc"), card == null ? Double.NaN : card.auc());
        row(err, "PR AUC", realized.get("pr_auc"), card == null ? Double.NaN : card.prAuc());
        row(err, "Brier", realized.get("brier"), card == null ? Double.NaN : card.brier());
        row(err, "ECE", realized.get("ece"), card == null ? Double.NaN : card.ece());
        row(err, "base rate", realized.get("base_rate"), card == null ? Double.NaN : card.baseRate());
        if (card == null) {
            err.println("  no card to compare with: " + entry.cardProblem());
        }
        err.println("  band        rows  positives  mean predicted  realized rate   lift");
        for (BandOutcome band : entry.bands()) {
            err.printf(Locale.ROOT, "  %-8s %7d %10d %15.4f %14.4f %6.2f%n", band.band(), band.rows(), band.positives(),
                    band.meanPredicted(), band.realizedRate(), band.lift());
        }
        err.println("  decile      rows  positives  mean predicted  realized rate   lift  cum.gain");
        for (DecileRow decile : entry.deciles()) {
            err.printf(Locale.ROOT, "  %6d %9d %10d %15.4f %14.4f %6.2f %8.1f%%%n", decile.decile(), decile.rows(), decile.positives(),
                    decile.meanProbability(), decile.positiveRate(), decile.lift(), 100 * decile.cumulativeGain());
        }
        for (BacktestFlag flag : entry.flags()) {
            err.println("WARN backtest " + entry.task() + ": " + flag.message());
        }
    }

    private static void row(PrintWriter err, String name, Object realized, double card) {
        err.printf(Locale.ROOT, "  %-10s %9.4f %9s%n", name, ((Number) realized).doubleValue(),
                Double.isNaN(card) ? "-" : String.format(Locale.ROOT, "%.4f", card));
    }
}
