// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Fitting the calibrators (Platt, isotonic) and choosing between them by cross-validated log loss. The fitted
 * calibrators themselves live in {@code model}, because a bundle holds them; fitting stays here.
 */
package io.github.propensity.training.calibration;
