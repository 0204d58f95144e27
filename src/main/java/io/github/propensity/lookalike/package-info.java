// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Lookalike audiences: seed ids and an encoded pool in, held-out comparison of similarity methods, the ranked,
 * suppressed or hashed audience with its quality card out, all in memory (readers for seed, suppression and pool
 * files are here; writing files is the front ends' business). Settings that cannot work fail with a field key, never
 * a command-line flag. Uses {@code training}'s candidate fitting for its seed classifiers and the layers below; never
 * {@code serving}, {@code web} or {@code cli}.
 */
package io.github.propensity.lookalike;
