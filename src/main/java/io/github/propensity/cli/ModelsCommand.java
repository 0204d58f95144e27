// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import io.github.propensity.personas.PersonaStore;
import io.github.propensity.uplift.CampaignName;
import io.github.propensity.uplift.UpliftStore;
import io.github.propensity.value.ValueStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "models", description = "List model versions or promote one as current (also how to roll back).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Promote.class})
final class ModelsCommand implements Runnable {
    @CommandLine.Mixin
    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(context.commandLine(), "a subcommand is required: list or promote");
    }

    @Command(name = "list", description = "List every model version; * marks the current one.")
    static final class ListModels implements Callable<Integer> {
        @CommandLine.Mixin
        CommandContext context;

        @CommandLine.Mixin
        ModelsDirectory models;

        @Override
        public Integer call() {
            List<BundleSummary> summaries = new ArrayList<>(new ModelStore(models.path()).list());
            summaries.addAll(new ValueStore(models.path()).list());
            summaries.addAll(new PersonaStore(models.path()).list());
            summaries.addAll(new UpliftStore(models.path()).list());
            PrintWriter out = context.commandLine().getOut();
            if (summaries.isEmpty()) {
                context.commandLine().getErr().println("no models in " + models.path() + "; train one with: propensity train --task churn ...");
                return ExitCode.OK;
            }
            int width = Math.max(11, summaries.stream().mapToInt(summary -> summary.task().length()).max().orElse(0));
            String task = "%-" + width + "s";
            out.printf(Locale.ROOT, "  " + task + " %-26s %-20s %-20s %-7s %s%n", "task", "version", "created", "model", "AUC", "data");
            for (BundleSummary summary : summaries) {
                if (summary.problem() != null) {
                    out.printf(Locale.ROOT, "%s " + task + " %-26s DAMAGED: %s%n", summary.current() ? "*" : " ", summary.task(),
                            summary.version(), summary.problem());
                } else {
                    out.printf(Locale.ROOT, "%s " + task + " %-26s %-20s %-20s %-7s %s%n", summary.current() ? "*" : " ", summary.task(),
                            summary.version(), summary.createdAt(), summary.card().family(),
                            Double.isNaN(summary.card().auc()) ? "-" : String.format(Locale.ROOT, "%.4f", summary.card().auc()),
                            summary.card().dataFile());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "promote", description = "Make an existing version the current model of a task (roll back or forward).")
    static final class Promote implements Callable<Integer> {
        @CommandLine.Mixin
        CommandContext context;

        @Option(names = "--task", required = true,
                description = "churn, purchase, conversion, value, personas or uplift/<campaign> (as models list shows it)")
        String task;

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "the version to make current (see: models list)")
        String version;

        @CommandLine.Mixin
        ModelsDirectory models;

        @Override
        public Integer call() {
            String previous;
            if (task.strip().equalsIgnoreCase(ValueStore.KIND)) {
                ValueStore store = new ValueStore(models.path());
                previous = store.currentVersion().orElse("none");
                store.promote(version);
            } else if (task.strip().startsWith(UpliftStore.KIND_FOLDER + "/")) {
                String campaign = task.strip().substring(UpliftStore.KIND_FOLDER.length() + 1);
                if (!CampaignName.isValid(campaign)) {
                    throw new CommandLine.ParameterException(context.commandLine(), "'" + campaign + "' is not a campaign name");
                }
                UpliftStore store = new UpliftStore(models.path());
                previous = store.currentVersion(campaign).orElse("none");
                store.promote(campaign, version);
            } else if (task.strip().equalsIgnoreCase(PersonaStore.KIND)) {
                PersonaStore store = new PersonaStore(models.path());
                previous = store.currentVersion().orElse("none");
                store.promote(version);
            } else {
                Task parsed;
                try {
                    parsed = Task.parse(task);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(context.commandLine(), e.getMessage() + ", value, personas or uplift/<campaign>");
                }
                ModelStore store = new ModelStore(models.path());
                previous = store.currentVersion(parsed).orElse("none");
                store.promote(parsed, version);
            }
            context.commandLine().getErr().println(task.strip() + ": current model is now " + version + " (was " + previous + ")");
            return ExitCode.OK;
        }
    }
}
