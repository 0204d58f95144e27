// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

/**
 * What happened to the matched customers of one band ({@code <task>_band} in the snapshot).
 *
 * @param band          low, medium, high, or unbanded for an empty band cell
 * @param meanPredicted mean probability the snapshot gave them (0-1)
 * @param realizedRate  share of them with the outcome (0-1)
 * @param lift          realized rate over the rate of all matched customers
 */
public record BandOutcome(String band, long rows, long positives, double meanPredicted, double realizedRate, double lift) {
    public BandOutcome {
        if (band == null || band.isBlank() || rows < 1 || positives < 0 || positives > rows) {
            throw new IllegalArgumentException("invalid band outcome " + band);
        }
    }
}
