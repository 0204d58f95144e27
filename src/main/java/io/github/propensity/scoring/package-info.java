// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Scoring: the one prepared-model implementation of scoring a row (probability, score, band, reasons, reference
 * percentile) that batch rescoring and the server share, and batch rescoring of a customer base with every current
 * model: streamed two-pass scoring, percentiles within the base, segment rules, repeated-id checks, migration, drift
 * and atomic snapshots. Uses {@code model}, {@code features}, {@code data}, {@code storage};
 * never {@code training}, {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.scoring;
