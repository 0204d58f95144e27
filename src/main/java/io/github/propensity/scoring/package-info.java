// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Scoring: the one prepared-model implementation of scoring a row (probability, score, band, reasons, reference
 * percentile) that batch rescoring and the server share, and batch rescoring of a customer base with every current
 * model: streamed two-pass scoring, percentiles within the base, segment rules (on bands, value bands and input
 * columns and uplift groups), the base's CLV and p_alive carried with a value band read against the current value
 * model, each campaign's uplift and group through {@link io.github.propensity.scoring.PreparedUplift} (the models are
 * loaded by the caller: the uplift store is this package's peer, not below it), each customer's persona through
 * {@link io.github.propensity.scoring.PreparedPersona} (the persona model likewise loaded by the caller), repeated-id checks, migration, drift
 * and atomic snapshots. {@link io.github.propensity.scoring.BaseScoring} opens the same batch scoring to a caller that
 * feeds rows itself (the Spark job), with {@link io.github.propensity.scoring.SnapshotReports} writing the reports for both. Uses {@code value}, {@code model}, {@code features}, {@code data}, {@code storage};
 * never {@code uplift}, {@code personas}, {@code training}, {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.scoring;
