// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Readouts of randomized campaigns (an e-mail or offer sent to some arms, withheld from a control group) and the
 * sample sizes to plan them: response rates per arm and group, the lift over the control with Newcombe's hybrid score
 * interval, the relative lift with the Katz log-ratio interval, pooled z-test p-values with Holm's adjustment, value per
 * customer with a streaming Poisson bootstrap, and the checks a careful experimentation platform runs before any lift
 * (sample-ratio mismatch, covariate balance, a binary outcome). Reads the results file in one pass with memory that
 * does not grow with rows. Uses {@code data} (CSV reading, missing values, numbers), {@code storage} and the root.
 */
package io.github.propensity.campaign;
