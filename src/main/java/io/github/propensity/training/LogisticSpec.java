// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.Locale;

/**
 * Logistic regression on the encoder's standardized features, L2-regularized with strength {@code l2} (scikit-learn's
 * {@code 1/C}), fitted to convergence by {@link LogisticFitter}.
 */
public record LogisticSpec(double l2) implements CandidateSpec {
    public LogisticSpec {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("invalid logistic regression settings: l2 " + l2);
        }
    }

    /** The penalty is on the summed loss, so more rows weigh the data more against it, as intended. */
    @Override
    public LogisticSpec forMoreRows(double ratio) {
        return this;
    }

    @Override
    public String family() {
        return "logistic-regression";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "logistic regression (L-BFGS, L2 %s)", l2);
    }
}
