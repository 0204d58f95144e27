// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Fitting propensity models: labelled rows, stratified and customer-grouped splits, candidate models (logistic
 * regression by L-BFGS, XGBoost through its own API), model choice by cross-validation or a validation split,
 * calibration on held-out probabilities, holdout evaluation, the model card and the bundle it publishes through
 * {@code model}. Uses the layers below it; never scoring, serving, web or cli.
 */
package io.github.propensity.training;
