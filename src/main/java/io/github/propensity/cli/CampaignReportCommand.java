// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.campaign.BalanceRow;
import io.github.propensity.campaign.CampaignReadout;
import io.github.propensity.campaign.CampaignReport;
import io.github.propensity.campaign.PoissonBootstrap;
import io.github.propensity.campaign.ReadoutMarkdown;
import io.github.propensity.campaign.ReadoutPoints;
import io.github.propensity.campaign.ReadoutRequest;
import io.github.propensity.campaign.SampleRatio;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.StagedFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "report", sortOptions = false,
        description = {"Read out a randomized campaign: per arm (and per group of --by) the response rate, the lift over the"
                + " control with a 95 % interval (Newcombe), the relative lift (Katz), p-values (Holm-adjusted with several arms),"
                + " incremental responders and, with --value, the value per customer with a bootstrap interval.",
                "The checks come first: sample-ratio mismatch, covariate balance of the other columns, a binary outcome.",
                "The report goes to stderr; the last stdout line is the report as JSON. --out writes it and a Markdown page beside it."})
final class CampaignReportCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "the campaign's results: one row per customer (CSV, .csv.gz)")
    Path data;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Option(names = "--arm", required = true, paramLabel = "COL", description = "the column saying which arm each customer was in")
    String arm;

    @Option(names = "--control", required = true, paramLabel = "VALUE", description = "the arm column's value of the control group")
    String control;

    @Option(names = "--outcome", required = true, paramLabel = "COL", description = "the binary response column (visit, conversion)")
    String outcome;

    @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "the outcome value that means a response (case-insensitive)")
    String positive;

    @Option(names = "--value", paramLabel = "COL", description = "a numeric value per customer (spend) to compare as a mean per customer")
    String value;

    @Option(names = "--by", paramLabel = "COL", description = "also read out each group of this categorical column (band, segment, persona)")
    String by;

    @Option(names = "--id", paramLabel = "COL", description = "the customer identifier: left out of the balance check")
    String id;

    @Option(names = "--expected-split", converter = ExpectedSplitConverter.class, paramLabel = "A:B:...",
            description = "the designed shares, the control first, then the other arms in alphabetical order, e.g. 2:1:1 (default: equal)")
    List<Double> expectedSplit;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "columns to leave out of the balance check")
    List<String> drop = List.of();

    @Option(names = "--seed", defaultValue = "42", description = "seed of the value bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--replicates", defaultValue = "" + PoissonBootstrap.DEFAULT_REPLICATES,
            description = "bootstrap replicates of the value difference (default: ${DEFAULT-VALUE})")
    int replicates;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the bootstrap; the result does not depend on it (default: all cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the JSON report here, and the Markdown report beside it (.md)")
    Path out;

    @Override
    public Integer call() {
        CommandLine commandLine = context.commandLine();
        ReadoutRequest request;
        try {
            request = new ReadoutRequest(data, separator.orDetect(), arm, control, outcome, positive, Optional.ofNullable(value),
                    Optional.ofNullable(by), Optional.ofNullable(id), drop, Optional.ofNullable(expectedSplit), seed, replicates,
                    ThreadCount.resolve(threads, commandLine));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        CampaignReport report = CampaignReadout.read(request);
        print(commandLine.getErr(), report);
        if (out != null) {
            write(report, out);
            commandLine.getErr().println("wrote " + out + " and " + markdownPath(out));
            commandLine.getErr().flush();
        }
        commandLine.getOut().println(JsonLine.of(report));
        commandLine.getOut().flush();
        return ExitCode.OK;
    }

    /** The Markdown page beside the JSON: {@code report.json} gives {@code report.md}. */
    static Path markdownPath(Path json) {
        String name = json.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(stem + ".md");
    }

    /** Both files staged whole before either is renamed; the JSON last, so a JSON present means a complete pair. */
    private static void write(CampaignReport report, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] json = JsonMappers.standard().writeValueAsBytes(report);
            byte[] markdown = ReadoutMarkdown.render(report).getBytes(StandardCharsets.UTF_8);
            try (StagedFile page = AtomicFile.stage(markdownPath(target.toAbsolutePath()), o -> o.write(markdown));
                 StagedFile data = AtomicFile.stage(target.toAbsolutePath(), o -> o.write(json))) {
                page.commit();
                data.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter err, CampaignReport report) {
        SampleRatio ratio = report.checks().sampleRatio();
        if (ratio.mismatch()) {
            err.println("!!! SAMPLE RATIO MISMATCH !!! the arms' customer counts do not fit the expected split: the assignment"
                    + " or the data is broken, and no lift below can be trusted");
        }
        err.printf(Locale.ROOT, "read %s: %,d rows; arm column '%s', control '%s'; outcome '%s' = '%s'%s%n", report.file(),
                report.rows(), report.armColumn(), report.control(), report.outcome(), report.positive(),
                report.value() == null ? "" : "; value '" + report.value() + "'");
        err.println("checks:");
        err.printf(Locale.ROOT, "  sample ratio: %s (chi-square %.3f, %d df, p = %.4g; fails below %s)%n", ratio.mismatch() ? "MISMATCH" : "ok",
                ratio.chiSquare(), ratio.degreesOfFreedom(), ratio.pValue(), SampleRatio.THRESHOLD);
        for (SampleRatio.ArmShare share : ratio.arms()) {
            err.printf(Locale.ROOT, "    %-24s %,12d customers  %.4f of all, expected %.4f%n", share.arm(), share.customers(),
                    share.observedShare(), share.expectedShare());
        }
        List<BalanceRow> flagged = report.checks().balance().stream().filter(BalanceRow::flagged).toList();
        double worst = report.checks().balance().stream().filter(r -> r.smd() != null).mapToDouble(r -> Math.abs(r.smd())).max().orElse(0);
        err.printf(Locale.ROOT, "  covariate balance: %s over %d column-arm comparisons (largest |SMD| %.4f; flag above 0.1)%n",
                flagged.isEmpty() ? "ok" : flagged.size() + " FLAGGED", report.checks().balance().size(), worst);
        for (BalanceRow row : flagged) {
            err.printf(Locale.ROOT, "    %s%s, %s: SMD %s%n", row.column(), row.worstLevel() == null ? "" : " = " + row.worstLevel(), row.arm(),
                    row.smd() == null ? "infinite" : String.format(Locale.ROOT, "%+.4f", row.smd()));
        }
        CampaignReport.OutcomeCheck outcomeCheck = report.checks().outcome();
        err.printf(Locale.ROOT, "  outcome: binary ('%s' = response, '%s'); %,d rows without one%n", outcomeCheck.positive(),
                outcomeCheck.other(), outcomeCheck.rowsWithoutOutcome());
        report.warnings().forEach(w -> err.println("warning: " + w));
        boolean holm = report.arms().size() > 2;
        for (CampaignReport.GroupReadout group : report.groups()) {
            CampaignReport.ArmRate control = group.control();
            err.printf(Locale.ROOT, "%s: control '%s' %,d customers, rate %s%s%n",
                    group.group().equals(CampaignReport.ALL) ? "whole file" : report.by() + " = " + group.group(), control.arm(),
                    control.customers(), ReadoutPoints.percent(control.responseRate()),
                    control.meanValue() == null ? "" : String.format(Locale.ROOT, ", value %.4f per customer", control.meanValue()));
            err.printf(Locale.ROOT, "  %-20s %10s %9s  %-30s %-26s %9s%s %-28s%s%n", "arm", "customers", "rate", "lift, pp (95% CI)",
                    "relative (95% CI)", "p", holm ? String.format(Locale.ROOT, " %9s", "Holm p") : "", "incremental responders",
                    report.value() == null ? "" : "  value difference (95% CI)");
            for (CampaignReport.ArmComparison arm : group.arms()) {
                err.printf(Locale.ROOT, "  %-20s %,10d %9s  %-30s %-26s %9s%s %-28s%s%s%n", arm.arm(), arm.customers(), ReadoutPoints.percent(arm.responseRate()),
                        ReadoutPoints.points(arm.lift()), ReadoutPoints.relative(arm.relativeLift()), ReadoutPoints.pValue(arm.pValue()),
                        holm ? String.format(Locale.ROOT, " %9s", ReadoutPoints.pValue(arm.pValueHolm())) : "",
                        ReadoutPoints.plain(arm.incrementalResponders(), "%.0f"),
                        arm.value() == null ? "" : "  " + ReadoutPoints.plain(arm.value().difference(), "%+.4f"),
                        arm.tooSmall() ? "  TOO SMALL: " + arm.tooSmallReason() : "");
            }
        }
        if (holm) {
            err.println("note: with several arms, judge significance by the Holm-adjusted p-value (family: the arms within each group)");
        }
        err.flush();
    }
}
