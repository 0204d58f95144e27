// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.util.List;

/**
 * What a maximum-likelihood fit found.
 *
 * @param logLikelihood   at the estimates, summed over customers
 * @param converged       the gradient vanishes and the Hessian is negative definite: a local maximum
 * @param newtonDecrement half of g' (-H)^-1 g at the end, per customer: how much higher a Newton step expects the
 *                        mean log-likelihood to go (0 at an exact maximum)
 * @param customers       customers the likelihood sums over
 * @param distinctRows    distinct histories among them (identical ones are evaluated once, weighted by their count)
 */
public record ParameterFit(List<ParameterEstimate> estimates, double logLikelihood, boolean converged,
                           double newtonDecrement, long customers, int distinctRows) {
    public ParameterFit {
        estimates = List.copyOf(estimates);
    }

    public double value(int index) {
        return estimates.get(index).value();
    }
}
