// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;


/**
 * The Gamma-Gamma model of order value (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a
 * customer's order values are Gamma(p, ν) around their mean p/ν, and ν ~ Gamma(q, γ) across customers. It is fitted
 * on the mean repeat order value {@code m} of customers with {@code x ≥ 1} repeat purchases and assumes that value
 * and frequency are independent (the fit reports their correlation).
 */
public record GammaGamma(double p, double q, double gamma) {
    public GammaGamma {
        Parameters.requirePositive("p", p);
        Parameters.requirePositive("q", q);
        Parameters.requirePositive("gamma", gamma);
    }

    /** One customer's log-likelihood of the mean value m of x repeat orders (the paper's equation, m &gt; 0). */
    public double logLikelihood(int x, double m) {
        double px = p * x;
        return GammaFunctions.logGamma(px + q) - GammaFunctions.logGamma(px) - GammaFunctions.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
    }

    /** The mean order value across customers, pγ / (q - 1); infinite unless q &gt; 1. */
    public double populationMean() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * E[order value | x repeat orders of mean m]: a weighted average of the population mean and the customer's own
     * mean, (γ + m x) p / (p x + q - 1), the weight of their own mean growing with x. Without a repeat order it is
     * the population mean. A nonpositive mean (only $0 repeat orders, or everything returned) counts as 0.
     */
    public double expectedOrderValue(int x, double m) {
        if (x == 0) {
            return populationMean();
        }
        return (gamma + Math.max(0, m) * x) * p / (p * x + q - 1);
    }
}
