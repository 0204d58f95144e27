// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training.calibration;

import io.github.propensity.model.Calibrator;
import java.util.Objects;

/** The chosen calibrator with the cross-validated evidence for the choice. */
public record CalibrationChoice(Calibrator calibrator, double plattCvLogLoss, double isotonicCvLogLoss, String reason) {
    public CalibrationChoice {
        Objects.requireNonNull(calibrator, "calibrator");
        Objects.requireNonNull(reason, "reason");
    }
}
