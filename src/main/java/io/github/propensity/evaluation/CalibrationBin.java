// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

/**
 * Customers whose predicted probability falls in [lower, upper): does a 0.3 mean 30 %? Empty bins are kept (with
 * NaN means) so that every table has the same ten rows.
 */
public record CalibrationBin(int index, double lower, double upper, int rows, double meanPredicted, double observedRate) {
    public CalibrationBin {
        if (index < 0 || rows < 0 || !(lower < upper)) {
            throw new IllegalArgumentException("invalid calibration bin " + index);
        }
    }
}
