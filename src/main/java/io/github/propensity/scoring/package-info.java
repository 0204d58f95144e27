// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Scoring: the one prepared-model implementation of scoring a row (probability, score, band, reasons, reference
 * percentile) that batch rescoring and the server share, and batch rescoring of a customer base with every current
 * model: streamed two-pass scoring, percentiles within the base, segment rules (on bands, value bands and input
 * columns), the base's CLV and p_alive carried with a value band read against the current value model, repeated-id
 * checks, migration, drift and atomic snapshots. Uses {@code value}, {@code model}, {@code features}, {@code data},
 * {@code storage};
 * never {@code training}, {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.scoring;
