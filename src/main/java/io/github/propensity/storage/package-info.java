// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Storage primitives every writer shares: the one JSON configuration for files the project writes. Imports
 * nothing of the project but the root package, so every layer may use it.
 */
package io.github.propensity.storage;
