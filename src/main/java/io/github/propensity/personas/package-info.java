// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Behavioural personas: the clustering space built on the shared feature schema (log1p, winsorizing, standardizing,
 * one-hot blocks weighted as one column), the screen that drops columns without group structure, k-means with
 * seeded restarts (Smile), the choice of k by silhouette and bootstrap stability, the refit that keeps ids and names
 * by an optimal assignment of centroids, the profiles and the card, the versioned persona bundle with its store, and
 * streaming assignment. The fitted model ({@code PersonaModel}, {@code PersonaSpace}, {@code Persona},
 * {@code SpaceDimension}) lives in {@code model}, so scoring assigns personas without this package. Uses {@code scoring} (to profile personas by the current propensity models), {@code value},
 * {@code model}, {@code features}, {@code data} and {@code storage}.
 */
package io.github.propensity.personas;
