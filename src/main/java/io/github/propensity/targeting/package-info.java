// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Whom to contact: a snapshot's customers ranked by the expected net value of contacting them (probability x save
 * rate x CLV - offer cost, or +/- a campaign's per-customer uplift x CLV - offer cost), the profit curve over the
 * number contacted with its best and budget cut-offs, and the ranked contact list, in memory that does not grow with
 * the customers listed (sorted runs spilled to disk). The {@code target} command and {@code POST /v1/target} share
 * it. Uses {@code scoring} (snapshots), {@code uplift} (campaign names), {@code model}, {@code data} and
 * {@code storage}; never {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.targeting;
