// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.evaluation.CalibrationBin;
import io.github.propensity.evaluation.DecileRow;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the ledger: how one snapshot's scores for one task turned out.
 *
 * @param realized     the evaluator's headline figures on the matched customers (rows, positives, base_rate, auc,
 *                     pr_auc, log_loss, brier, ece, lift_top_decile)
 * @param card         what the model's card promised; null when the card could not be read ({@code cardProblem} says why)
 * @param aucGap       the card's AUC minus the realized one (positive: worse than promised); null without a card
 * @param deciles      matched customers by probability, highest tenth first: realized rate and lift, and the mean
 *                     probability beside the realized rate (calibration by decile)
 * @param calibration  the ten equal-width probability bins the ECE is computed over
 * @param driftedInputs what the snapshot's drift.json flagged for the task when it was scored
 */
public record BacktestEntry(Instant backtestAt, String task, String snapshot, String modelVersion, OutcomeSource outcomes,
                            JoinCounts join, Map<String, Object> realized, CardFigures card, String cardProblem, Double aucGap,
                            List<BandOutcome> bands, List<DecileRow> deciles, List<CalibrationBin> calibration,
                            List<String> driftedInputs, List<BacktestFlag> flags) {
    public BacktestEntry {
        Objects.requireNonNull(backtestAt, "backtestAt");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(join, "join");
        if ((card == null) == (cardProblem == null)) {
            throw new IllegalArgumentException("a backtest has either the card's figures or the reason it has none");
        }
        realized = Collections.unmodifiableMap(new LinkedHashMap<>(realized));
        bands = List.copyOf(bands);
        deciles = List.copyOf(deciles);
        calibration = List.copyOf(calibration);
        driftedInputs = List.copyOf(driftedInputs);
        flags = List.copyOf(flags);
    }

    /** Where the outcomes came from: the file's name (not its path) and content hash, and how it was read. */
    public record OutcomeSource(String file, String sha256, String idColumn, String label, String positive) {
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
