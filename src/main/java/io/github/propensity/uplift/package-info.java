// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Uplift models: who is persuadable. From a randomized campaign's results (a treatment column, a control value and a
 * binary outcome), candidates built on the shared encoder and the project's learners (two models, one model with
 * the treatment as a feature, class transformation; logistic regression or boosted trees) are compared by the Qini
 * coefficient on rows they did not train on, and the winner is stored per campaign in the model store. Evaluation
 * uses scikit-uplift's metric definitions with bootstrap intervals.
 */
package io.github.propensity.uplift;
