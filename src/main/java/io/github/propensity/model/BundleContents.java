// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.VersionedBundles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The files of a bundle about to be published, as bytes, except the manifest the store writes itself.
 * The card is rendered after the version is known, so it is a function of the version.
 */
public record BundleContents(Map<String, byte[]> files, VersionedBundles.CardRenderer cards) {
    public BundleContents {
        files = new LinkedHashMap<>(files);
        Objects.requireNonNull(cards, "cards");
        if (BundleFiles.classifierAmong(files.keySet()).isEmpty()) {
            throw new IllegalArgumentException("bundle contents need exactly one of " + BundleFiles.CLASSIFIERS);
        }
        for (String required : new String[]{BundleFiles.FEATURES, BundleFiles.CALIBRATION, BundleFiles.REFERENCE}) {
            if (!files.containsKey(required)) {
                throw new IllegalArgumentException("bundle contents lack " + required);
            }
        }
    }
}
