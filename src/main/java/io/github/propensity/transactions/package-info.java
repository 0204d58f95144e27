// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Transaction logs to point-in-time customer features (recency, frequency, monetary value, trends, RFM scores and
 * segments) and horizon labels, with no look-ahead. Uses {@code data} and {@code storage}.
 */
package io.github.propensity.transactions;
