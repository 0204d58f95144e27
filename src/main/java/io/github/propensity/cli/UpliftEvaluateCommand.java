// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftEvaluation;
import io.github.propensity.uplift.UpliftEvaluator;
import io.github.propensity.uplift.UpliftStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", sortOptions = false,
        description = {"Measure a campaign's current uplift model on results it did not train on.",
                "Qini coefficient, uplift at 10 % and 30 % and the ATE in scikit-uplift's definitions, each with a 95 % Poisson "
                        + "bootstrap interval; a table on stderr and a JSON summary as the last stdout line."})
final class UpliftEvaluateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @CommandLine.Mixin
    CampaignArmsOptions input;

    @Option(names = "--version", paramLabel = "VERSION", description = "a published version instead of the current one")
    String version;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the bootstrap intervals (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        String campaign = input.campaign(context.commandLine());
        UpliftStore store = new UpliftStore(input.models.path());
        UpliftBundle bundle = version == null ? store.loadCurrent(campaign) : store.load(campaign, version);
        UpliftEvaluation evaluation = UpliftEvaluator.evaluate(bundle, input.data, input.separator.orDetect(),
                input.arms(context.commandLine()), input.labelSpec(context.commandLine()), seed);
        PrintWriter err = context.commandLine().getErr();
        err.printf(Locale.ROOT, "uplift model %s of campaign %s (%s) on %s: %d rows, %d treated, %d control%n", bundle.version(), campaign,
                bundle.model().strategy().description(), input.data.getFileName(), evaluation.rows(), evaluation.treated(), evaluation.control());
        row(err, "Qini coefficient", evaluation.qini());
        row(err, "uplift at 10 %", evaluation.upliftAt10());
        row(err, "uplift at 30 %", evaluation.upliftAt30());
        row(err, "ATE (everyone)", evaluation.averageEffect());
        err.println("95 % intervals from " + evaluation.replicates() + " Poisson bootstrap replicates; a random ranking has Qini 0 "
                + "and uplift at k equal to the ATE on average");
        err.flush();
        Map<String, Object> summary = UpliftSummary.of(evaluation);
        summary.put("campaign", campaign);
        summary.put("version", bundle.version());
        summary.put("strategy", bundle.model().strategy().id());
        context.commandLine().getOut().println(JsonLine.of(summary));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static void row(PrintWriter err, String name, UpliftEvaluation.Estimate estimate) {
        err.printf(Locale.ROOT, "  %-18s %8.4f  [%8.4f, %8.4f]%n", name, estimate.value(), estimate.low(), estimate.high());
    }
}
