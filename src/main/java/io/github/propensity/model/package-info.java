// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a model bundle is and how it is loaded: the task, the bundle files and manifest, the calibrators, the score
 * reference and training profile, the compiled scorers (linear and tree arrays) and the store that publishes,
 * verifies and promotes bundles, and the fitted uplift and persona models scoring reads. Uses {@code features},
 * {@code data} and {@code storage}; never {@code training},
 * {@code scoring}, {@code serving}, {@code lookalike}, {@code web} or {@code cli}, so anything that scores can load
 * a bundle without the trainer's code paths.
 */
package io.github.propensity.model;
