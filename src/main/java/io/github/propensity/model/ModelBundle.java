// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleManifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded, verified model bundle: the scoring function with its provenance.
 *
 * @param profile the training distribution of the inputs, null for bundles made before profiles existed
 */
public record ModelBundle(Path directory, BundleManifest manifest, PropensityModel model, ScoreReference reference,
                          ReferenceProfile profile, JsonNode card) {
    public ModelBundle {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(card, "card");
    }

    public String version() {
        return manifest.version();
    }
}
