// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Metrics of predicted probabilities against outcomes (ROC AUC, average precision, log loss, Brier, ECE, deciles,
 * calibration table), defined as scikit-learn defines them and correct at any row count. Depends on nothing else
 * in the project.
 */
package io.github.propensity.evaluation;
