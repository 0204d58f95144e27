// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.model.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "list", description = {"List the backtests in a snapshot directory's ledger, oldest first: a table on stderr,"
        + " every entry as JSON on the last stdout line."})
final class BacktestListCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--snapshots", paramLabel = "DIR", defaultValue = "snapshots", description = "snapshot directory (default: ${DEFAULT-VALUE})")
    Path snapshots;

    @Option(names = "--task", paramLabel = "TASK", description = "only the backtests of this task")
    Task task;

    @Override
    public Integer call() {
        BacktestLedger ledger = new BacktestLedger(snapshots);
        BacktestLedger.Listing listing = ledger.list(Optional.ofNullable(task));
        PrintWriter err = context.commandLine().getErr();
        if (listing.entries().isEmpty()) {
            err.println("no backtests" + (task == null ? "" : " of " + task) + " in " + ledger.file()
                    + "; add one with: propensity backtest --snapshot DIR --outcomes FILE --id COLUMN --task TASK --label COLUMN --positive VALUE");
        } else {
            err.printf(Locale.ROOT, "%-20s %-10s %-20s %-26s %9s %8s %8s %7s  %s%n", "backtest at", "task", "snapshot", "model",
                    "matched", "AUC", "card AUC", "ECE", "flags");
            for (JsonNode entry : listing.entries()) {
                StringBuilder flags = new StringBuilder();
                for (JsonNode flag : entry.path("flags")) {
                    flags.append(flags.isEmpty() ? "" : ", ").append(flag.path("kind").asText());
                }
                err.printf(Locale.ROOT, "%-20s %-10s %-20s %-26s %9d %8s %8s %7s  %s%n", entry.path("backtest_at").asText().replaceFirst("\\.\\d+Z$", "Z"),
                        entry.path("task").asText(), entry.path("snapshot").asText(), entry.path("model_version").asText(),
                        entry.path("join").path("matched").asLong(), figure(entry.path("realized").path("auc")),
                        figure(entry.path("card").path("auc")), figure(entry.path("realized").path("ece")),
                        flags.isEmpty() ? "-" : flags);
            }
        }
        for (long line : listing.unreadableLines()) {
            err.println("warning: " + ledger.file() + ", line " + line + " is not a JSON object; skipped");
        }
        err.flush();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ledger", ledger.file().toString());
        line.put("backtests", listing.entries());
        context.commandLine().getOut().println(JsonLine.of(line));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static String figure(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "-";
    }
}
