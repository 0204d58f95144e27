// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.evaluation.DecileRow;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.model.ModelBundle;
import io.github.propensity.model.ModelStore;
import io.github.propensity.training.HoldoutEvaluation;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.model.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.github.propensity.training.SingleFeatureBaseline;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", sortOptions = false,
        description = {"Score a labelled CSV with the current (or a given) model and measure it.",
                "A readable report goes to stderr; the last stdout line is one JSON object with "
                        + "auc, pr_auc, log_loss, brier, ece, rows, positives, lift_top_decile (and baselines, if asked)."})
final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    LabelledDataOptions input;

    @Option(names = "--version", paramLabel = "VERSION", description = "model version to evaluate (default: the current one)")
    String version;

    @Option(names = "--baseline", split = ",", paramLabel = "COLUMN",
            description = "numeric column(s) whose AUC alone to report next to the model's (e.g. recency_days,orders_365d)")
    List<String> baselines = new ArrayList<>();

    @Override
    public Integer call() {
        LabelSpec label = input.labelSpec(context.commandLine());
        Task task = input.task;
        ModelStore store = new ModelStore(input.models.path());
        ModelBundle bundle = version == null ? store.loadCurrent(task) : store.load(task, version);
        EvaluationReport report = HoldoutEvaluation.evaluate(bundle, input.data, label, input.separator.orDetect());
        printReport(context.commandLine().getErr(), task, bundle, report);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("task", task.id());
        line.put("model_version", bundle.version());
        line.putAll(report.summary());
        if (!baselines.isEmpty()) {
            Map<String, Double> baselineAuc = new LinkedHashMap<>();
            var err = context.commandLine().getErr();
            err.println("  single-column baselines (direction chosen on this file, in the baseline's favour):");
            for (SingleFeatureBaseline baseline : SingleFeatureBaseline.evaluate(input.data, label, input.separator.orDetect(), baselines).values()) {
                err.printf(Locale.ROOT, "    %-28s AUC %.4f (%s values first)%n", baseline.column(), baseline.auc(),
                        baseline.higherFirst() ? "higher" : "lower");
                baselineAuc.put(baseline.column(), baseline.auc());
            }
            err.flush();
            line.put("baselines", baselineAuc);
        }
        context.commandLine().getOut().println(JsonLine.of(line));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private void printReport(PrintWriter err, Task task, ModelBundle bundle, EvaluationReport report) {
        err.printf(Locale.ROOT, "%s model %s on %s: %d rows, %d positive (%.1f%%)%n", task, bundle.version(),
                input.data.getFileName(), report.rows(), report.positives(), 100 * report.baseRate());
        err.printf(Locale.ROOT, "  AUC %.4f  PR AUC %.4f  log loss %.4f  Brier %.4f  ECE %.4f  lift@10%% %.2f%n",
                report.auc(), report.prAuc(), report.logLoss(), report.brier(), report.ece(), report.liftTopDecile());
        err.println("  decile  rows  positives  rate   lift  cum.gain");
        for (DecileRow row : report.deciles()) {
            err.printf(Locale.ROOT, "  %6d %5d %10d  %.3f  %.2f  %5.1f%%%n", row.decile(), row.rows(), row.positives(),
                    row.positiveRate(), row.lift(), 100 * row.cumulativeGain());
        }
        err.flush();
    }
}
