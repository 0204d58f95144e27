// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.ArtifactVersions;
import io.github.propensity.data.ColumnDecision;
import io.github.propensity.evaluation.UpliftMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The uplift model's card ({@code card.json}, rendered to {@code card.md}): what was compared, how the model was
 * chosen, and its Qini curve, uplift by decile, treatment balance along the ranking and ATE on rows it did not train
 * on (the holdout when there is one, else the winner's out-of-fold predictions).
 */
final class UpliftCard {
    private UpliftCard() {
    }

    static Map<String, Object> of(UpliftOutcome outcome, String version, Instant createdAt) {
        UpliftRequest request = outcome.request();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("campaign", request.campaign());
        card.put("version", version);
        card.put("created_at", createdAt.toString());
        card.put("software", ArtifactVersions.propensity());
        card.put("model", outcome.selection().chosenCandidate().describe());
        card.put("strategy", outcome.model().strategy().id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file", request.dataFile().getFileName().toString());
        data.put("sha256", outcome.counts().fileSha256());
        data.put("rows", outcome.counts().fileRows());
        data.put("treatment_column", request.arms().column());
        data.put("treated", request.arms().treated());
        data.put("control", request.arms().control());
        data.put("label", request.label().column());
        data.put("positive", request.label().positiveValue());
        data.put("compared", outcome.counts().compared());
        data.put("treated_rows", outcome.counts().treated());
        data.put("control_rows", outcome.counts().control());
        data.put("other_arm_rows", outcome.counts().otherArms());
        data.put("rows_without_outcome", outcome.counts().unlabelled());
        data.put("training_rows", outcome.counts().trainingRows());
        data.put("holdout_rows", outcome.counts().holdoutRows());
        data.put("seed", request.seed());
        card.put("data", data);
        card.put("features", outcome.columns().stream().filter(ColumnDecision::isFeature).map(ColumnDecision::name).toList());
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("method", outcome.selection().method());
        selection.put("metric", "Qini coefficient (scikit-uplift qini_auc_score, negative effects)");
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (UpliftOutcome.Score score : outcome.selection().scores()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("candidate", score.candidate().describe());
            row.put("qini", finite(score.qini()));
            row.put("uplift_at_30", finite(score.upliftAt30()));
            row.put("seconds", Math.round(score.seconds() * 10) / 10.0);
            candidates.add(row);
        }
        selection.put("candidates", candidates);
        selection.put("chosen", outcome.selection().chosenCandidate().describe());
        card.put("selection", selection);
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("margin", outcome.model().groups().margin());
        groups.put("control_rate", outcome.model().groups().controlRate());
        groups.put("outcome", outcome.model().groups().direction().id());
        groups.put("rule", "with gain = uplift (outcome wanted) or -uplift (outcome unwanted): persuadables: gain > margin; "
                + "sleeping-dogs: gain < -margin; otherwise sure-things when the wanted response without contact is at least "
                + "the control arm's, else lost-causes");
        card.put("groups", groups);
        card.put("out_of_sample", evaluation(outcome.selection().chosenOutOfSample()));
        card.put("holdout", outcome.holdout() == null ? null : evaluation(outcome.holdout()));
        return card;
    }

    /** An evaluation as the card and {@code uplift evaluate} show it. */
    static Map<String, Object> evaluation(UpliftEvaluation evaluation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", evaluation.rows());
        out.put("treated", evaluation.treated());
        out.put("control", evaluation.control());
        out.put("qini", estimate(evaluation.qini()));
        out.put("uplift_at_10", estimate(evaluation.upliftAt10()));
        out.put("uplift_at_30", estimate(evaluation.upliftAt30()));
        out.put("ate", estimate(evaluation.averageEffect()));
        out.put("interval", "95 % percentile interval of " + evaluation.replicates() + " Poisson bootstrap replicates (seed "
                + evaluation.seed() + ")");
        List<Map<String, Object>> deciles = new ArrayList<>();
        for (UpliftMetrics.Decile decile : evaluation.deciles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decile", decile.decile());
            row.put("treated", decile.treated());
            row.put("control", decile.control());
            row.put("treated_rate", finite(decile.treatedRate()));
            row.put("control_rate", finite(decile.controlRate()));
            row.put("uplift", finite(decile.uplift()));
            deciles.add(row);
        }
        out.put("uplift_by_decile", deciles);
        List<List<Double>> curve = new ArrayList<>();
        for (double[] point : evaluation.qiniCurve()) {
            curve.add(List.of(round(point[0]), round(point[1])));
        }
        out.put("qini_curve", curve);
        List<Double> balance = new ArrayList<>();
        for (double share : evaluation.treatedShare()) {
            balance.add(round(share));
        }
        out.put("treated_share_by_depth", balance);
        return out;
    }

    static Map<String, Object> estimate(UpliftEvaluation.Estimate estimate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", finite(estimate.value()));
        out.put("low", finite(estimate.low()));
        out.put("high", finite(estimate.high()));
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** The card as Markdown for people. */
    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> card) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> data = (Map<String, Object>) card.get("data");
        md.append("# Uplift model: ").append(card.get("campaign")).append(" (").append(card.get("version")).append(")\n\n");
        md.append("- Compares '").append(data.get("treated")).append("' with the control '").append(data.get("control"))
                .append("' in column `").append(data.get("treatment_column")).append("`, outcome `").append(data.get("label"))
                .append("` = ").append(data.get("positive")).append('\n');
        md.append("- Data: ").append(data.get("file")).append(", ").append(data.get("compared")).append(" rows compared (")
                .append(data.get("treated_rows")).append(" treated, ").append(data.get("control_rows")).append(" control); ")
                .append(data.get("training_rows")).append(" trained on, ").append(data.get("holdout_rows")).append(" held out\n");
        md.append("- Model: ").append(card.get("model")).append('\n');
        Map<String, Object> selection = (Map<String, Object>) card.get("selection");
        md.append("- Chosen by the ").append(selection.get("metric")).append(" on ").append(selection.get("method")).append("\n\n");
        md.append("| candidate | Qini | uplift@30% |\n|---|---|---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) selection.get("candidates")) {
            md.append("| ").append(row.get("candidate")).append(" | ").append(fmt(row.get("qini"))).append(" | ")
                    .append(fmt(row.get("uplift_at_30"))).append(" |\n");
        }
        Map<String, Object> holdout = (Map<String, Object>) card.get("holdout");
        appendEvaluation(md, holdout != null ? "Holdout" : "Out-of-fold (no holdout)",
                holdout != null ? holdout : (Map<String, Object>) card.get("out_of_sample"));
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void appendEvaluation(StringBuilder md, String title, Map<String, Object> evaluation) {
        md.append("\n## ").append(title).append(": ").append(evaluation.get("rows")).append(" rows\n\n");
        for (String metric : List.of("qini", "uplift_at_10", "uplift_at_30", "ate")) {
            Map<String, Object> estimate = (Map<String, Object>) evaluation.get(metric);
            md.append("- ").append(metric).append(": ").append(fmt(estimate.get("value"))).append(" [")
                    .append(fmt(estimate.get("low"))).append(", ").append(fmt(estimate.get("high"))).append("]\n");
        }
        md.append("- Intervals: ").append(evaluation.get("interval")).append("\n\n");
        md.append("| decile | treated | control | treated rate | control rate | uplift |\n|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) evaluation.get("uplift_by_decile")) {
            md.append("| ").append(row.get("decile")).append(" | ").append(row.get("treated")).append(" | ").append(row.get("control"))
                    .append(" | ").append(fmt(row.get("treated_rate"))).append(" | ").append(fmt(row.get("control_rate")))
                    .append(" | ").append(fmt(row.get("uplift"))).append(" |\n");
        }
    }

    private static String fmt(Object value) {
        return value instanceof Number number ? String.format(Locale.ROOT, "%.4f", number.doubleValue()) : "n/a";
    }
}
