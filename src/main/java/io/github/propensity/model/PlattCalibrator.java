// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * Platt scaling on the logit of the raw probability: {@code sigmoid(a * logit(p) + b)}. Two parameters, so it cannot
 * overfit small data; it corrects over- or under-confidence and a shifted base rate but not a bent curve.
 */
public record PlattCalibrator(double a, double b) implements Calibrator {
    static final double LOGIT_CLIP = 1e-7;

    public PlattCalibrator {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite, got a=" + a + ", b=" + b);
        }
    }

    @Override
    public double calibrate(double rawProbability) {
        return sigmoid(a * logit(rawProbability) + b);
    }

    @Override
    public String method() {
        return "platt";
    }

    public static double logit(double p) {
        double clipped = Math.min(1 - LOGIT_CLIP, Math.max(LOGIT_CLIP, p));
        return Math.log(clipped / (1 - clipped));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
