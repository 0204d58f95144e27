// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.Objects;

/** How one candidate did on the validation split: the numbers model selection compares. */
public record CandidateResult(CandidateSpec spec, double validationLogLoss, double validationAuc,
                              double validationBrier, double fitSeconds) {
    public CandidateResult {
        Objects.requireNonNull(spec, "spec");
        if (!Double.isFinite(validationLogLoss)) {
            throw new IllegalArgumentException("validation log loss must be finite");
        }
    }
}
