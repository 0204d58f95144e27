// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Customer value from repeat-purchase histories: the BG/NBD model of purchase counts and dropout (Fader, Hardie &amp;
 * Lee 2005), the Gamma-Gamma model of order value (Fader &amp; Hardie 2013), their weighted maximum-likelihood fits,
 * per-customer expectations and CLV, the holdout check against two baselines, and the value bundle with its store.
 * Works on per-customer summaries (repeat purchase days, recency, age, mean repeat value); turning a transaction log
 * into them is {@code transactions}' business. Uses {@code storage}, {@code data} and {@code evaluation}.
 */
package io.github.propensity.value;
