// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.value.ValueReference;

/**
 * Where the medium and high value bands start, as whole percentiles of the value model's reference CLVs (the
 * customers it was fitted on). As with propensity bands, a fixed reference keeps a customer's value band stable when
 * the rest of the base changes. Defaults: the top 20 % of the reference is high value, the next 30 % medium.
 */
public record ValueBandCutoffs(int mediumPercentile, int highPercentile) {
    public static final ValueBandCutoffs DEFAULT = new ValueBandCutoffs(50, 80);

    public ValueBandCutoffs {
        if (!(mediumPercentile > 0 && mediumPercentile < highPercentile && highPercentile < 100)) {
            throw new IllegalArgumentException("value band cut-offs need whole percentiles 0 < medium < high < 100, got medium "
                    + mediumPercentile + " and high " + highPercentile);
        }
    }

    /** The CLV thresholds these cut-offs mean for one value model: at or above {@code high} is high value. */
    public BandCutoffs.Thresholds thresholds(ValueReference reference) {
        return new BandCutoffs.Thresholds(reference.clvAt(mediumPercentile), reference.clvAt(highPercentile));
    }
}
