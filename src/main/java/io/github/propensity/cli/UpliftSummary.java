// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.uplift.UpliftEvaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of an uplift evaluation as the commands' JSON line shows them: value, low and high of each. */
final class UpliftSummary {
    private UpliftSummary() {
    }

    static Map<String, Object> of(UpliftEvaluation evaluation) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", evaluation.rows());
        summary.put("treated", evaluation.treated());
        summary.put("control", evaluation.control());
        put(summary, "qini", evaluation.qini());
        put(summary, "uplift_at_10", evaluation.upliftAt10());
        put(summary, "uplift_at_30", evaluation.upliftAt30());
        put(summary, "ate", evaluation.averageEffect());
        return summary;
    }

    private static void put(Map<String, Object> summary, String name, UpliftEvaluation.Estimate estimate) {
        summary.put(name, finite(estimate.value()));
        summary.put(name + "_low", finite(estimate.low()));
        summary.put(name + "_high", finite(estimate.high()));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
