// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Fitting propensity models: labelled rows, stratified and customer-grouped splits, candidate models (Tribuo linear
 * and XGBoost), model choice, cross-fitting, calibration, holdout evaluation, the model card and the bundle it
 * publishes through {@code model}. Uses the layers below it; never scoring, serving, web or cli.
 */
package io.github.propensity.training;
