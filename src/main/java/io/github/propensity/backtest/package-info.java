// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Backtests: when outcomes arrive, a snapshot's scores for one task are joined to them by customer id (128-bit id
 * hashes, no id kept) and measured with {@code evaluation}'s metrics (AUC, ECE, average precision, Brier, deciles,
 * calibration) and per band, against the holdout figures on the card of the model that scored the snapshot. Each
 * backtest is appended to the snapshot directory's ledger, {@code backtests.jsonl}, under a lock and through an
 * atomic rewrite, and flagged when the model did worse than its card promised or was miscalibrated, naming the
 * inputs the snapshot's drift report flagged. Uses {@code scoring} (snapshots, id hashes), {@code training}'s label
 * spec, {@code model}, {@code evaluation}, {@code data} and {@code storage}; never {@code serving}, {@code web} or
 * {@code cli}.
 */
package io.github.propensity.backtest;
