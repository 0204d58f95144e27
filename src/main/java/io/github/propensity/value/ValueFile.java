// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code value.json}, what a value bundle needs to score: both models' parameters, the reporting settings, the
 * calibration end the parameters were fitted at (scoring earlier dates with them would let them see the future) and
 * the CLV reference for value bands.
 */
public record ValueFile(PurchaseModel purchases, GammaGamma gammaGamma, ValueSettings settings, LocalDate calibrationEnd,
                        ValueReference reference) {
    public static final String NAME = "value.json";

    public ValueFile {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(gammaGamma, "gammaGamma");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(reference, "reference");
    }

    public ValueModel model() {
        return new ValueModel(purchases, gammaGamma, settings);
    }
}
