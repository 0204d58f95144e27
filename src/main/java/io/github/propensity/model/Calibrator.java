// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps a classifier's raw probability to a calibrated one, so that among customers scored 0.3 about 30 % have the
 * outcome. Saved in the bundle as {@code calibration.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlattCalibrator.class, name = "platt"),
        @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = "isotonic")})
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator {
    double calibrate(double rawProbability);

    @JsonIgnore
    String method();
}
