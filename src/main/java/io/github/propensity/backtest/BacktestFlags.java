// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * When a backtest is flagged: the realized AUC more than 0.05 below the card's, or the realized ECE above 0.05.
 * A difference within {@link #TOLERANCE} of a threshold counts as at it, so a gap of 0.05 on paper (0.80 - 0.75 is
 * 0.05000000000000004 in doubles) is not flagged by rounding.
 */
public final class BacktestFlags {
    /** An AUC this far below the card's is more than the holdout's sampling noise at typical sizes. */
    public static final double MAX_AUC_DROP = 0.05;
    /** Five points of calibration error: a 0.20 meaning 0.25 or 0.15 on average misprices a campaign. */
    public static final double MAX_ECE = 0.05;
    static final double TOLERANCE = 1e-9;

    private BacktestFlags() {
    }

    /**
     * @param cardAuc       the card's AUC, empty when the card is gone (no AUC comparison then)
     * @param driftedInputs named as the likely cause in every flag
     */
    static List<BacktestFlag> of(double realizedAuc, double realizedEce, OptionalDouble cardAuc, List<String> driftedInputs) {
        List<BacktestFlag> flags = new ArrayList<>();
        String cause = driftedInputs.isEmpty() ? ""
                : "; likely cause: drift.json flagged " + String.join(", ", driftedInputs) + " for this task when the snapshot was scored";
        if (cardAuc.isPresent() && !Double.isNaN(cardAuc.getAsDouble()) && cardAuc.getAsDouble() - realizedAuc > MAX_AUC_DROP + TOLERANCE) {
            flags.add(new BacktestFlag(BacktestFlag.Kind.AUC_DROP, String.format(Locale.ROOT,
                    "realized AUC %.4f is %.4f below the card's %.4f (more than %.2f)", realizedAuc, cardAuc.getAsDouble() - realizedAuc,
                    cardAuc.getAsDouble(), MAX_AUC_DROP) + cause, driftedInputs));
        }
        if (realizedEce > MAX_ECE + TOLERANCE) {
            flags.add(new BacktestFlag(BacktestFlag.Kind.MISCALIBRATED, String.format(Locale.ROOT,
                    "realized ECE %.4f is above %.2f: the probabilities no longer mean what they say", realizedEce, MAX_ECE) + cause,
                    driftedInputs));
        }
        return flags;
    }
}
