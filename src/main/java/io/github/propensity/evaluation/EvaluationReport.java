// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics of binary probabilities against outcomes (see {@link BinaryEvaluator} for the definitions). */
public record EvaluationReport(int rows, int positives, double baseRate, double auc, double prAuc, double logLoss,
                               double brier, double ece, double liftTopDecile, List<DecileRow> deciles,
                               List<CalibrationBin> calibration) {
    public EvaluationReport {
        if (rows < 1 || positives < 0 || positives > rows) {
            throw new IllegalArgumentException("a report needs rows > 0 and 0 <= positives <= rows");
        }
        deciles = List.copyOf(deciles);
        calibration = List.copyOf(calibration);
    }

    /** The headline numbers under the snake_case keys the CLI prints and scripts read. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("positives", positives);
        summary.put("base_rate", baseRate);
        summary.put("auc", auc);
        summary.put("pr_auc", prAuc);
        summary.put("log_loss", logLoss);
        summary.put("brier", brier);
        summary.put("ece", ece);
        summary.put("lift_top_decile", liftTopDecile);
        return summary;
    }
}
