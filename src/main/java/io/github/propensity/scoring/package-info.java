// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Batch rescoring of a customer base with every current model: streamed two-pass scoring, percentiles, bands,
 * reasons, segment rules, migration, drift and atomic snapshots. Uses {@code model}, {@code features}, {@code data};
 * never {@code training}, {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.scoring;
