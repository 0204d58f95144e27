// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code bundle.json}: the format and its version, the kind of bundle ({@code task}: churn, purchase, conversion,
 * value) and the SHA-256 of every other file, written last so that a bundle with a manifest is complete, and checked
 * on load so that a damaged file is caught before it scores anyone.
 */
public record BundleManifest(String format, int formatVersion, String task, String version, Instant createdAt,
                             Map<String, String> files) {
    /** The manifest's own file name in every bundle folder. */
    public static final String FILE = "bundle.json";

    public BundleManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        files = new TreeMap<>(files);
    }
}
