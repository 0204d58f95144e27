// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.ArtifactVersions;
import org.tribuo.Tribuo;

/** Library versions recorded in every model card, so a model can be rebuilt with what built it. */
final class SoftwareVersions {
    private SoftwareVersions() {
    }

    static ModelCard.Software current() {
        return new ModelCard.Software(ArtifactVersions.propensity(), Tribuo.VERSION,
                ArtifactVersions.of("ml.dmlc", "xgboost4j_2.12"), System.getProperty("java.version"));
    }
}
