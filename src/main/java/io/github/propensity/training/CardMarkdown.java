// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.evaluation.CalibrationBin;
import io.github.propensity.evaluation.DecileRow;

import java.util.Locale;
import java.util.Map;

/** {@code card.md}: the model card as a page a marketer or reviewer can read. */
public final class CardMarkdown {
    private CardMarkdown() {
    }

    public static String render(ModelCard card) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(card.task()).append(" model ").append(card.version()).append("\n\n");
        md.append("Predicts the probability that a customer is ").append(card.taskMeaning()).append(": ")
                .append(card.label().definition()).append(".\n\n");
        md.append("- Created: ").append(card.createdAt()).append("\n");
        md.append("- Data: `").append(card.data().file()).append("` (sha256 `").append(card.data().sha256()).append("`), ")
                .append(card.data().rows()).append(" rows, ").append(card.data().labelledRows()).append(" labelled\n");
        if (card.origin() != null) {
            md.append("- Rows ").append(card.origin().description()).append("; as-of dates ")
                    .append(card.origin().cutoffs().stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("none")).append("\n");
        }
        md.append("- Trained on ").append(card.data().trainingRows()).append(" rows (").append(card.data().trainingPositives())
                .append(" positive); holdout ").append(card.data().holdoutRows()).append(" rows\n");
        md.append("- Model: ").append(card.model().description()).append("; chosen by ").append(card.model().reason()).append("\n");
        md.append("- Calibration: ").append(card.calibration().reason()).append("\n");
        md.append("- Seed: ").append(card.seed()).append("; training took ").append(card.trainingSeconds()).append(" s\n");
        md.append("- Software: propensity ").append(card.software().propensity()).append(", Tribuo ").append(card.software().tribuo())
                .append(", xgboost4j ").append(card.software().xgboost4j()).append(", Java ").append(card.software().java()).append("\n\n");

        md.append("## Metrics\n\n| set | rows | positives | AUC | PR AUC | log loss | Brier | ECE | lift top 10% |\n|---|---|---|---|---|---|---|---|---|\n");
        if (card.metrics().test() != null) {
            metricRow(md, "holdout (calibrated)", card.metrics().test().summary());
        }
        metricRow(md, "out-of-sample training rows (uncalibrated; " + card.metrics().crossValidated().description().split(";")[0] + ")",
                card.metrics().crossValidated().summary());
        md.append("\n");
        ModelCard.MetricSet primary = card.metrics().test() != null ? card.metrics().test() : card.metrics().crossValidated();
        md.append("### Deciles (").append(primary.description()).append(")\n\n")
                .append("| decile | rows | positives | rate | lift | cumulative gain |\n|---|---|---|---|---|---|\n");
        for (DecileRow row : primary.deciles()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.3f | %.2f | %.1f%% |%n", row.decile(), row.rows(),
                    row.positives(), row.positiveRate(), row.lift(), 100 * row.cumulativeGain()));
        }
        md.append("\n### Calibration\n\n| predicted | rows | mean predicted | observed |\n|---|---|---|---|\n");
        for (CalibrationBin bin : primary.calibrationTable()) {
            if (bin.rows() > 0) {
                md.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", bin.lower(), bin.upper(), bin.rows(),
                        bin.meanPredicted(), bin.observedRate()));
            }
        }
        md.append("\n## Candidates (validation split)\n\n| model | log loss | AUC | Brier | fit s |\n|---|---|---|---|---|\n");
        for (ModelCard.Candidate candidate : card.model().candidates()) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.1f |%n", candidate.description(),
                    candidate.validationLogLoss(), candidate.validationAuc(), candidate.validationBrier(), candidate.fitSeconds()));
        }
        md.append("\n## Top drivers\n\n| column | share | strongest feature | direction |\n|---|---|---|---|\n");
        for (FeatureImportance driver : card.topDrivers()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f%% | `%s` | %s |%n", driver.column(), 100 * driver.share(),
                    driver.topFeature(), driver.direction().isEmpty() ? "n/a (trees)" : driver.direction()));
        }
        md.append("\n## Schema\n\n| column | kind | missing | distinct | note |\n|---|---|---|---|---|\n");
        for (ModelCard.SchemaColumn column : card.schema()) {
            md.append("| ").append(column.name()).append(" | ").append(column.kind()).append(" | ").append(column.missing())
                    .append(" | ").append(column.distinct()).append(" | ")
                    .append(column.excluded() == null ? "" : "excluded: " + column.excluded()).append(" |\n");
        }
        return md.toString();
    }

    private static void metricRow(StringBuilder md, String name, Map<String, Object> summary) {
        md.append("| ").append(name);
        for (String key : new String[]{"rows", "positives", "auc", "pr_auc", "log_loss", "brier", "ece", "lift_top_decile"}) {
            Object value = summary.get(key);
            md.append(" | ").append(value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value));
        }
        md.append(" |\n");
    }
}
