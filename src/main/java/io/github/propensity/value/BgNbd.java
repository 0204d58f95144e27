// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"): while
 * active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after every purchase they drop out with
 * probability p ~ Beta(a, b). Time is in weeks. A history is the number of repeat purchases {@code x}, the time of
 * the last one {@code tx} and the age {@code T}, both counted from the first purchase.
 * <p>
 * A property users misread: a customer without a repeat purchase has P(alive) = 1, because in this model dropout
 * can only happen right after a purchase. Their low value comes from the low expected purchase count, not from
 * P(alive).
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {
    /**
     * Terms of the hypergeometric series are summed until they fall below this share of the sum divided by c: the
     * bracket it feeds is a difference that shrinks like 1/c near the no-dropout limit (b → ∞), so the sum must be
     * that much more exact there; the terms fall geometrically, so this costs only log(c) more of them.
     */
    private static final double SERIES_TOLERANCE = 1e-15;
    private static final int MAX_SERIES_TERMS = 1_000_000;

    public BgNbd {
        Parameters.requirePositive("r", r);
        Parameters.requirePositive("alpha", alpha);
        Parameters.requirePositive("a", a);
        Parameters.requirePositive("b", b);
    }

    @Override
    public String name() {
        return "bgnbd";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        parameters.put("a", a);
        parameters.put("b", b);
        return parameters;
    }

    /** One customer's log-likelihood, equation (6) of the paper, evaluated with log-sum-exp. */
    public double logLikelihood(int x, double tx, double T) {
        double common = GammaFunctions.logGamma(r + x) - GammaFunctions.logGamma(r) + r * Math.log(alpha)
                + GammaFunctions.logGamma(a + b) + GammaFunctions.logGamma(b + x) - GammaFunctions.logGamma(b) - GammaFunctions.logGamma(a + b + x);
        double stillActive = -(r + x) * Math.log(alpha + T);
        if (x == 0) {
            return common + stillActive;
        }
        double droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return common + LogSum.of(stillActive, droppedOut);
    }

    /** P(still active at T | history), equation (11); 1 without a repeat purchase. */
    @Override
    public double pAlive(int x, double tx, double T) {
        return 1 / (1 + deadOdds(x, tx, T));
    }

    /** P(dropped out) / P(active) given the history: 0 without a repeat purchase. */
    private double deadOdds(int x, double tx, double T) {
        if (x == 0) {
            return 0;
        }
        return a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
    }

    /**
     * Expected purchases in the {@code t} weeks after T of a customer still active at T: equation (10) of the paper
     * times (1 + its dropout odds), i.e. without the P(alive) factor. The Gauss hypergeometric function there is
     * rewritten by Euler's transformation so that its series has no growing terms:
     * 2F1(r+x, b+x; c; z) (1-z)^(r+x) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z) with c = a+b+x-1 and z = t / (α+T+t).
     * With F = 1 + (a-1) S the bracket of equation (10) divided by (a-1) becomes
     * {@code -expm1((a-1) L) / (a-1) - (1-z)^(a-1) S}, L = log(1-z), which stays exact as a approaches 1.
     */
    @Override
    public double expectedPurchasesIfAlive(double t, int x, double T) {
        if (t <= 0) {
            return 0;
        }
        double z = t / (alpha + T + t);
        double logRest = Math.log((alpha + T) / (alpha + T + t));
        double c = a + b + x - 1;
        double aMinusOne = a - 1;
        double leading = Math.abs(aMinusOne) < 1e-12 ? -logRest : -Math.expm1(aMinusOne * logRest) / aMinusOne;
        return c * (leading - Math.exp(aMinusOne * logRest) * seriesS(a + b - 1 - r, c, z));
    }

    /** S = Σ_{n≥1} (A)_n (a)_{n-1} / ((c)_n n!) z^n. */
    private double seriesS(double upper, double c, double z) {
        double term = upper / c * z;
        double sum = 0;
        for (int n = 1; n < MAX_SERIES_TERMS; n++) {
            sum += term;
            if (Math.abs(term) * (1 + c) <= SERIES_TOLERANCE * Math.abs(sum)) {
                break;
            }
            term *= (upper + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
        }
        return sum;
    }

    /**
     * P(at least one purchase in the {@code t} weeks after T | history): an active customer's next purchase comes
     * after an exponential wait with rate λ, whose posterior is Gamma(r+x, α+T).
     */
    @Override
    public double purchaseProbability(double t, int x, double tx, double T) {
        return pAlive(x, tx, T) * -Math.expm1((r + x) * Math.log((alpha + T) / (alpha + T + t)));
    }

    @Override
    public double medianWeeksToNextPurchase(int x, double T) {
        return (alpha + T) * Math.expm1(Math.log(2) / (r + x));
    }
}
