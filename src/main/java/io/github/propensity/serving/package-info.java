// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The services behind the HTTP API, free of any web framework: request scoring, the model registry with hot reload,
 * segment lists, lookalike requests over a pool kept loaded with hot reload, targeting over the latest snapshot, and API keys.
 * Uses {@code scoring}, {@code lookalike}, {@code targeting} and below; never imports
 * Javalin, {@code web} or {@code cli}.
 */
package io.github.propensity.serving;
