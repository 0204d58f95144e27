// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.training.RowOrigin;
import io.github.propensity.transactions.FeatureFileManifest;

/** What a model card says about rows built by {@code features}, taken from the file's metadata. */
final class FeatureFileOrigin {
    private FeatureFileOrigin() {
    }

    static RowOrigin of(FeatureFileManifest manifest, String labelColumn) {
        String description = "built by `propensity features` from transaction log " + manifest.source().file()
                + " (sha256 " + manifest.source().sha256() + ", " + manifest.source().firstDate() + " to "
                + manifest.source().lastDate() + "), horizon " + manifest.horizonDays() + " days, lookback "
                + manifest.lookbackDays() + " days";
        return new RowOrigin(description, manifest.asOf(), manifest.labels().get(labelColumn));
    }
}
