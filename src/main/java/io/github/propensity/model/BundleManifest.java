// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code bundle.json}: the format version and the SHA-256 of every other file, written last so that a bundle with
 * a manifest is complete, and checked on load so that a damaged file is caught before it scores anyone.
 */
public record BundleManifest(String format, int formatVersion, String task, String version, Instant createdAt,
                             Map<String, String> files) {
    public static final String FORMAT = "propensity-model-bundle";
    /**
     * Bumped when a change to the bundle layout would make older code misread newer bundles. 2: boosted trees are
     * stored as {@link BundleFiles#TREES} ({@code binary:logistic}) instead of a Tribuo model.
     */
    public static final int CURRENT_FORMAT_VERSION = 2;

    public BundleManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        files = new TreeMap<>(files);
    }
}
