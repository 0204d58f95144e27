// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Map;

/**
 * A model of repeat purchase counts, time in weeks, a history being x repeat purchases, the last at t_x, at age T.
 * Usually {@link BgNbd}; {@link Nbd} when the calibration period shows no dropout at all, where the BG/NBD
 * likelihood is highest at its limit without dropout (a → 0, b → ∞) and the fit would otherwise never converge.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({@JsonSubTypes.Type(value = BgNbd.class, name = "bgnbd"), @JsonSubTypes.Type(value = Nbd.class, name = "nbd")})
public sealed interface PurchaseModel permits BgNbd, Nbd {
    /** Short name: {@code bgnbd} or {@code nbd}. */
    String name();

    /** The parameters by name, in the papers' order. */
    Map<String, Double> parameters();

    /** P(still active at T | history). */
    double pAlive(int x, double tx, double T);

    /** Expected purchases in the {@code t} weeks after T given the history: P(alive) x the expectation if alive. */
    default double expectedPurchases(double t, int x, double tx, double T) {
        return pAlive(x, tx, T) * expectedPurchasesIfAlive(t, x, T);
    }

    /** Expected purchases in the {@code t} weeks after T of a customer known to be still active at T. */
    double expectedPurchasesIfAlive(double t, int x, double T);

    /** P(at least one purchase in the {@code t} weeks after T | history). */
    double purchaseProbability(double t, int x, double tx, double T);

    /**
     * Median weeks to the next purchase of a customer who is still active: with λ ~ Gamma(r+x, α+T) the wait is
     * Lomax distributed, P(wait &gt; w) = ((α+T)/(α+T+w))^(r+x), so the median is (α+T)(2^(1/(r+x)) - 1). The mean
     * is infinite whenever r+x ≤ 1 (every one-time buyer when r &lt; 1), which is why the median is reported.
     */
    double medianWeeksToNextPurchase(int x, double T);
}
