// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import io.github.propensity.targeting.ContactFiles;
import io.github.propensity.targeting.ContactPlan;
import io.github.propensity.targeting.ContactPlanner;
import io.github.propensity.targeting.TargetSnapshots;
import io.github.propensity.targeting.TargetingInputException;
import io.github.propensity.targeting.TargetingRequest;
import io.github.propensity.targeting.TargetingSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "target", sortOptions = false,
        description = {"Rank a snapshot's customers by the expected net value of contacting them and cut the list where it pays.",
                "Expected net value = P(task) x save rate x CLV - offer cost with --save-rate, or +/- <campaign>_uplift x CLV -"
                        + " offer cost with --uplift (+ for a wanted outcome, - for an unwanted one); the snapshot needs a clv column"
                        + " (a base rescored with a clv_<days>d column). Writes the ranked list (--out) and the profit curve beside it"
                        + " (<name>-curve.csv); prints the formula and its assumptions on stderr and a JSON summary as the last"
                        + " stdout line."})
final class TargetCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--snapshot", paramLabel = "DIR", defaultValue = TargetSnapshots.LATEST,
            description = "a snapshot folder, or latest: the one <snapshots>/LATEST names (default: ${DEFAULT-VALUE})")
    String snapshot;

    @Option(names = "--snapshots", paramLabel = "DIR", defaultValue = "snapshots", description = "snapshot directory for latest (default: ${DEFAULT-VALUE})")
    Path snapshots;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "the scored task the contact addresses: churn, purchase or conversion")
    String task;

    @Option(names = "--offer-cost", required = true, paramLabel = "AMOUNT", description = "what one contact costs, in the CLV's currency (at least 0)")
    double offerCost;

    @Option(names = "--save-rate", paramLabel = "SHARE",
            description = "share of the customers the contact changes, 0 to 1 (for churn: of those who would leave, the share who stay);"
                    + " this or --uplift")
    Double saveRate;

    @Option(names = "--uplift", paramLabel = "CAMPAIGN",
            description = "rank by each customer's predicted uplift from the snapshot's <CAMPAIGN>_uplift column instead of a flat save"
                    + " rate; the list adds <CAMPAIGN>_uplift and <CAMPAIGN>_group")
    String uplift;

    @Option(names = "--uplift-outcome", paramLabel = "wanted|unwanted",
            description = "whether the campaign model's outcome is one to raise (wanted: purchase, visit; gain = +uplift x clv) or to"
                    + " lower (unwanted: churn; gain = -uplift x clv); default: unwanted with --task churn, wanted otherwise")
    String upliftOutcome;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Limit limit = new Limit();

    static final class Limit {
        @Option(names = "--budget", paramLabel = "AMOUNT", description = "contact at most floor(budget / offer cost) customers")
        Double budget;

        @Option(names = "--max-customers", paramLabel = "N", description = "contact at most N customers")
        Long maxCustomers;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "the ranked list (default: target-<task>.csv; .gz compresses)")
    Path out;

    @Override
    public Integer call() {
        TargetingRequest request;
        try {
            request = TargetingRequest.of(task, offerCost, saveRate, uplift, upliftOutcome, limit.budget, limit.maxCustomers);
        } catch (TargetingInputException e) {
            throw new CommandLine.ParameterException(context.commandLine(), problems(e));
        }
        Path folder = TargetSnapshots.resolve(snapshot, snapshots);
        ContactPlanner planner = new ContactPlanner();
        ContactPlan plan = planner.plan(folder, request);
        Path list = out != null ? out : Path.of("target-" + request.task().id() + ".csv");
        Path curve = besideList(list, "-curve.csv");
        try {
            AtomicFile.writeText(list, Compression.byName(list), writer -> {
                ContactFiles.CsvList rows = ContactFiles.csvList(writer);
                planner.writeList(plan, Long.MAX_VALUE, rows);
                rows.flush();
            });
            AtomicFile.writeText(curve, Compression.NONE, writer -> ContactFiles.writeCurve(plan.curve(), plan.summary().customersValued(), writer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contact list " + list + ": " + e.getMessage(), e);
        }
        report(plan.summary(), context.commandLine().getErr());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("list", list.toString());
        line.put("curve", curve.toString());
        line.put("summary", plan.summary());
        context.commandLine().getOut().println(JsonLine.of(line));
        context.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** {@code target.csv} gives {@code target-curve.csv}, {@code list.csv.gz} {@code list-curve.csv}. */
    static Path besideList(Path list, String suffix) {
        String name = list.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
        return list.resolveSibling(name + suffix);
    }

    private static void report(TargetingSummary summary, PrintWriter err) {
        err.println(summary.formula());
        err.println("assuming:");
        summary.assumptions().forEach(assumption -> err.println("  - " + assumption));
        err.println(String.format(Locale.ROOT, "%d of %d customers valued, %d worth contacting (best cut-off: %.2f expected);"
                        + " listed %d for %.2f expected net value", summary.customersValued(), summary.customers(),
                summary.customersWorthContacting(), summary.bestCutoff().expectedNetValue(), summary.contacted().customers(),
                summary.contacted().expectedNetValue()));
        if (summary.uplift() != null) {
            TargetingSummary.UpliftTargeting uplift = summary.uplift();
            err.println("listed by " + uplift.campaign() + " group: " + uplift.contactedByGroup().entrySet().stream()
                    .map(group -> group.getKey() + " " + group.getValue()).collect(Collectors.joining(", "))
                    + String.format(Locale.ROOT, "; %d sleeping dogs and %d customers the contact would move the wrong way left alone",
                    uplift.sleepingDogsAvoided(), uplift.customersHarmedByContact()));
        }
        err.flush();
    }

    /** Every problem with the option to change, for a usage error. */
    static String problems(TargetingInputException e) {
        return e.problems().stream().map(p -> p.message() + " (" + ErrorReporter.flag(p.field()) + ")").collect(Collectors.joining("; "));
    }
}
