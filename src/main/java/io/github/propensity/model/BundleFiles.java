// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/** Names of the files in a model bundle directory. */
public final class BundleFiles {
    public static final String MANIFEST = "bundle.json";
    public static final String MODEL = "model.tribuo";
    public static final String FEATURES = "features.json";
    public static final String CALIBRATION = "calibration.json";
    public static final String REFERENCE = "reference.json";
    /** Added after the first bundles were committed; older bundles have none and report no feature drift. */
    public static final String PROFILE = "profile.json";
    public static final String CARD_JSON = "card.json";
    public static final String CARD_MARKDOWN = "card.md";

    private BundleFiles() {
    }
}
