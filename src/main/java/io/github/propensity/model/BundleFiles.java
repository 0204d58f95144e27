// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Names of the files in a model bundle directory. */
public final class BundleFiles {
    public static final String MANIFEST = io.github.propensity.storage.BundleManifest.FILE;
    /** A Tribuo model: the linear models, and every model of a format-1 bundle. */
    public static final String MODEL = "model.tribuo";
    /** Boosted trees ({@link BoostedTrees}), from format 2 on. */
    public static final String TREES = "trees.json";
    /** Logistic regression ({@link LinearModel}), from format 2 on. */
    public static final String LINEAR = "linear.json";
    /** The files a classifier can be stored in; a bundle holds exactly one of them. */
    public static final List<String> CLASSIFIERS = List.of(TREES, LINEAR, MODEL);

    /** The one classifier file among {@code names}, or empty when there is none or more than one. */
    public static Optional<String> classifierAmong(Collection<String> names) {
        List<String> present = CLASSIFIERS.stream().filter(names::contains).toList();
        return present.size() == 1 ? Optional.of(present.get(0)) : Optional.empty();
    }
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
