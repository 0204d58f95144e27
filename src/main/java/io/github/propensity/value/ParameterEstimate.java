// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.Objects;

/**
 * A maximum-likelihood estimate and its standard error from the observed information (the inverse of the negative
 * Hessian of the log-likelihood at the optimum); NaN when the Hessian there is not negative definite.
 */
public record ParameterEstimate(String name, double value, double standardError) {
    public ParameterEstimate {
        Objects.requireNonNull(name, "name");
    }
}
