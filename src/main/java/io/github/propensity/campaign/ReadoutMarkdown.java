// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.Locale;

/** {@code report.md}: the readout as a page to read and forward, the checks first. */
public final class ReadoutMarkdown {
    private ReadoutMarkdown() {
    }

    public static String render(CampaignReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Campaign readout: ").append(report.file()).append("\n\n");
        md.append(String.format(Locale.ROOT, "- Rows: %,d; arms in column `%s`, control `%s`; outcome `%s` = `%s`%s%s%n",
                report.rows(), report.armColumn(), report.control(), report.outcome(), report.positive(),
                report.value() == null ? "" : "; value `" + report.value() + "`",
                report.by() == null ? "" : "; broken down by `" + report.by() + "`"));
        if (report.bootstrap() != null) {
            md.append(String.format(Locale.ROOT, "- Value bootstrap: %d replicates, seed %d%n", report.bootstrap().replicates(),
                    report.bootstrap().seed()));
        }
        md.append("\n## Checks\n\n");
        SampleRatio ratio = report.checks().sampleRatio();
        md.append(ratio.mismatch() ? "**SAMPLE RATIO MISMATCH: do not trust the lifts below.** " : "Sample ratio: ok. ")
                .append(String.format(Locale.ROOT, "Chi-square %.3f, %d df, p = %.4g (fails below %s).%n%n",
                        ratio.chiSquare(), ratio.degreesOfFreedom(), ratio.pValue(), SampleRatio.THRESHOLD));
        md.append("| arm | customers | observed share | expected share |\n|---|---:|---:|---:|\n");
        for (SampleRatio.ArmShare arm : ratio.arms()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.4f | %.4f |%n", arm.arm(), arm.customers(), arm.observedShare(),
                    arm.expectedShare()));
        }
        md.append("\nCovariate balance (standardized mean difference vs control, flagged above ")
                .append(CovariateBalance.FLAG_ABOVE).append("): ")
                .append(report.checks().balanceFlagged() ? "**imbalance flagged**" : "no flag").append(".\n\n");
        md.append("| column | kind | arm | SMD | worst level | flag |\n|---|---|---|---:|---|---|\n");
        for (BalanceRow row : report.checks().balance()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.column(), row.kind(), row.arm(),
                    row.smd() == null ? (row.kind().equals("skipped") ? "" : "inf") : String.format(Locale.ROOT, "%+.4f", row.smd()),
                    row.worstLevel() == null ? (row.note() == null ? "" : row.note()) : row.worstLevel(), row.flagged() ? "**yes**" : ""));
        }
        CampaignReport.OutcomeCheck outcome = report.checks().outcome();
        md.append(String.format(Locale.ROOT, "%nOutcome `%s` is binary: `%s` (response) and `%s`; %,d rows without one.%n",
                outcome.column(), outcome.positive(), outcome.other(), outcome.rowsWithoutOutcome()));
        if (!report.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            report.warnings().forEach(w -> md.append("- ").append(w).append("\n"));
        }
        md.append("\n## Lifts\n\n");
        boolean holm = report.arms().size() > 2;
        for (CampaignReport.GroupReadout group : report.groups()) {
            md.append("### ").append(group.group().equals(CampaignReport.ALL) ? "Whole file" : report.by() + " = " + group.group()).append("\n\n");
            CampaignReport.ArmRate control = group.control();
            md.append(String.format(Locale.ROOT, "Control `%s`: %,d customers, %,d responders, rate %s%s.%n%n", control.arm(),
                    control.customers(), control.responders(), ReadoutPoints.percent(control.responseRate()),
                    control.meanValue() == null ? "" : String.format(Locale.ROOT, ", mean value %.4f", control.meanValue())));
            md.append("| arm | customers | responders | rate | lift (95 % CI) | relative lift (95 % CI) | p").append(holm ? " | Holm p" : "")
                    .append(" | incremental responders (95 % CI)").append(report.value() != null ? " | value diff (95 % CI) | incremental value (95 % CI)" : "")
                    .append(" | too small |\n|---|---:|---:|---:|---|---|---:").append(holm ? "|---:" : "").append("|---")
                    .append(report.value() != null ? "|---|---" : "").append("|---|\n");
            for (CampaignReport.ArmComparison arm : group.arms()) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s", arm.arm(), arm.customers(), arm.responders(),
                        ReadoutPoints.percent(arm.responseRate()), ReadoutPoints.points(arm.lift()), ReadoutPoints.relative(arm.relativeLift()), ReadoutPoints.pValue(arm.pValue())));
                if (holm) {
                    md.append(" | ").append(ReadoutPoints.pValue(arm.pValueHolm()));
                }
                md.append(" | ").append(ReadoutPoints.plain(arm.incrementalResponders(), "%.1f"));
                if (arm.value() != null) {
                    md.append(" | ").append(ReadoutPoints.plain(arm.value().difference(), "%+.4f")).append(" | ").append(ReadoutPoints.plain(arm.value().incrementalValue(), "%.1f"));
                }
                md.append(" | ").append(arm.tooSmall() ? "**yes**: " + arm.tooSmallReason() : "").append(" |\n");
            }
            md.append("\n");
        }
        md.append("## Methods\n\n");
        report.methods().forEach(m -> md.append("- ").append(m).append("\n"));
        return md.toString();
    }
}
