// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.List;
import java.util.Map;

/** {@code drift.json}: PSI of every feature and every score against the training distribution saved in the bundle. */
public record DriftReport(double alertThreshold, Map<String, TaskDrift> tasks) {
    /** @param note set when feature drift could not be measured (a bundle without a training profile) */
    public record TaskDrift(String modelVersion, double scorePsi, boolean scoreFlagged, List<FeatureDrift> features,
                            String note) {
    }

    public record FeatureDrift(String column, double psi, boolean flagged) {
    }
}
