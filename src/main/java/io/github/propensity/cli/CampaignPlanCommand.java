// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.campaign.SampleSizePlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plan", sortOptions = false,
        description = {"Customers needed per arm to detect an absolute lift in a response rate with a two-proportion test"
                + " (normal approximation without continuity correction, Fleiss' formula). With --arms K above 2, alpha is"
                + " split over the K-1 comparisons with the control (Bonferroni).",
                "A summary goes to stderr; the last stdout line is a JSON summary."})
final class CampaignPlanCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--base-rate", required = true, paramLabel = "RATE", description = "the control's expected response rate, e.g. 0.06")
    double baseRate;

    @Option(names = "--mde", required = true, paramLabel = "LIFT",
            description = "the smallest absolute lift worth detecting, in rate units: 0.01 = one percentage point")
    double mde;

    @Option(names = "--power", defaultValue = "0.8", description = "chance of detecting a lift of --mde (default: ${DEFAULT-VALUE})")
    double power;

    @Option(names = "--alpha", defaultValue = "0.05", description = "two-sided significance level, over all comparisons (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--arms", defaultValue = "2", paramLabel = "K", description = "arms including the control (default: ${DEFAULT-VALUE})")
    int arms;

    @Override
    public Integer call() {
        SampleSizePlan plan;
        try {
            plan = SampleSizePlan.of(baseRate, mde, power, alpha, arms);
        } catch (SampleSizePlan.SettingException e) {
            throw new CommandLine.ParameterException(context.commandLine(), flag(e.setting()) + ": " + e.getMessage());
        }
        PrintWriter err = context.commandLine().getErr();
        err.printf(Locale.ROOT, "to detect %.4f -> %.4f (lift %+.4f, %+.1f %% relative) with power %.2f at two-sided alpha %.4g%s:%n",
                plan.baseRate(), plan.targetRate(), plan.minimumDetectableEffect(), 100 * plan.minimumDetectableEffect() / plan.baseRate(),
                plan.power(), plan.comparisonAlpha(), plan.arms() > 2
                        ? String.format(Locale.ROOT, " (%.4g / %d comparisons, Bonferroni)", plan.alpha(), plan.arms() - 1) : "");
        err.printf(Locale.ROOT, "  %,d customers per arm, %,d in all %d arms (power at that size %.4f)%n", plan.customersPerArm(),
                plan.totalCustomers(), plan.arms(), plan.achievedPower());
        err.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("base_rate", plan.baseRate());
        summary.put("mde", plan.minimumDetectableEffect());
        summary.put("target_rate", plan.targetRate());
        summary.put("power", plan.power());
        summary.put("alpha", plan.alpha());
        summary.put("arms", plan.arms());
        summary.put("comparison_alpha", plan.comparisonAlpha());
        summary.put("customers_per_arm", plan.customersPerArm());
        summary.put("total_customers", plan.totalCustomers());
        summary.put("achieved_power", plan.achievedPower());
        context.commandLine().getOut().println(JsonLine.of(summary));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    static String flag(SampleSizePlan.Setting setting) {
        return switch (setting) {
            case BASE_RATE -> "--base-rate";
            case MINIMUM_DETECTABLE_EFFECT -> "--mde";
            case POWER -> "--power";
            case ALPHA -> "--alpha";
            case ARMS -> "--arms";
        };
    }
}
