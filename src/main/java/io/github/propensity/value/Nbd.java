// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NBD model (Ehrenberg 1959): customers buy as Poisson processes with rates λ ~ Gamma(r, α) and never drop out.
 * It is BG/NBD's limit as the dropout probability vanishes, which is where BG/NBD's likelihood peaks on a
 * calibration period too short to show anyone leaving; then every customer is alive and expected purchases grow
 * linearly with the horizon, (r + x) t / (α + T).
 */
public record Nbd(double r, double alpha) implements PurchaseModel {
    public Nbd {
        Parameters.requirePositive("r", r);
        Parameters.requirePositive("alpha", alpha);
    }

    @Override
    public String name() {
        return "nbd";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        return parameters;
    }

    /** One customer's log-likelihood of x purchases at the observed times over T weeks. */
    public double logLikelihood(int x, double T) {
        return GammaFunctions.logGamma(r + x) - GammaFunctions.logGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + T);
    }

    @Override
    public double pAlive(int x, double tx, double T) {
        return 1;
    }

    @Override
    public double expectedPurchasesIfAlive(double t, int x, double T) {
        return t <= 0 ? 0 : (r + x) * t / (alpha + T);
    }

    @Override
    public double purchaseProbability(double t, int x, double tx, double T) {
        return -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + t)));
    }

    @Override
    public double medianWeeksToNextPurchase(int x, double T) {
        return (alpha + T) * Math.expm1(Math.log(2) / (r + x));
    }
}
