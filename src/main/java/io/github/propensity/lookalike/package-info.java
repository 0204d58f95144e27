// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Lookalike audiences: seed and pool, held-out comparison of similarity methods, ranked, suppressed and hashed
 * exports with a quality card. Uses {@code training}'s candidate fitting for its seed classifiers and the layers
 * below; never {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.lookalike;
