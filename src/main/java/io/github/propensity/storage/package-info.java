// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Storage primitives every writer shares: the one JSON configuration for files the project writes, atomic file
 * replacement with one durability policy ({@link io.github.propensity.storage.AtomicFile}), staged folders published
 * by rename and the pointer files that name the published version, the versioned bundle folders every store publishes
 * into ({@link io.github.propensity.storage.VersionedBundles}), recursive deletion and SHA-256. Imports nothing
 * of the project but the root package, so every layer may use it.
 */
package io.github.propensity.storage;
