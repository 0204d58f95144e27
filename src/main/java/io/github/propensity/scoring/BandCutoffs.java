// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.ScoreReference;

/**
 * Where medium and high bands start, as percentiles of the model's reference population (the training customers'
 * out-of-fold probabilities). Percentiles of a fixed reference, not of this week's base, keep a customer's band
 * stable when the rest of the base changes, which is what makes band migration meaningful. Defaults: the top 10 %
 * of the reference is high, the next 20 % medium.
 */
public record BandCutoffs(double mediumPercentile, double highPercentile) {
    public static final BandCutoffs DEFAULT = new BandCutoffs(70, 90);

    public BandCutoffs {
        if (!(mediumPercentile > 0 && mediumPercentile < highPercentile && highPercentile < 100)) {
            throw new IllegalArgumentException("band cut-offs need 0 < medium < high < 100, got medium "
                    + mediumPercentile + " and high " + highPercentile);
        }
    }

    /** The probability thresholds these cut-offs mean for one model. */
    public Thresholds thresholds(ScoreReference reference) {
        return new Thresholds(quantile(reference, mediumPercentile), quantile(reference, highPercentile));
    }

    private static double quantile(ScoreReference reference, double percentile) {
        double[] quantiles = reference.quantiles();
        double position = percentile / 100 * (quantiles.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(quantiles.length - 1, lower + 1);
        return quantiles[lower] + (position - lower) * (quantiles[upper] - quantiles[lower]);
    }

    /** Probability thresholds: at or above {@code high} is high, at or above {@code medium} medium. */
    public record Thresholds(double medium, double high) {
        public Band band(double probability) {
            return probability >= high ? Band.HIGH : probability >= medium ? Band.MEDIUM : Band.LOW;
        }
    }
}
