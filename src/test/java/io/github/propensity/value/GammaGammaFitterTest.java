// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.data.DataException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gamma-Gamma fit on order values simulated from known parameters, and who it leaves out. */
class GammaGammaFitterTest {
    private static final GammaGamma TRUTH = new GammaGamma(6, 4, 15);

    /** Repeat buyers with 1 to 10 repeat days whose mean values follow the Gamma-Gamma story; then one-time buyers. */
    private static PurchaseHistories simulated(long seed, int repeatBuyers, int oneTimeBuyers) {
        ValueSimulation simulation = new ValueSimulation(seed);
        int n = repeatBuyers + oneTimeBuyers;
        int[] frequency = new int[n];
        int[] recency = new int[n];
        int[] age = new int[n];
        double[] mean = new double[n];
        Arrays.fill(age, 400);
        Arrays.fill(mean, Double.NaN);
        for (int i = 0; i < repeatBuyers; i++) {
            frequency[i] = simulation.uniformInt(1, 10);
            recency[i] = 200;
            mean[i] = simulation.meanOrderValue(TRUTH, frequency[i]);
        }
        return new PurchaseHistories(frequency, recency, age, mean);
    }

    @Test
    void recoversTheSimulatedParametersWithinThreeStandardErrors() {
        GammaGammaFitter.Result result = GammaGammaFitter.fit(simulated(5, 3_000, 2_000));
        assertEquals(3_000, result.customers(), "one-time buyers carry no order value information");
        assertEquals(0, result.leftOutNonPositive());
        ParameterFit fit = result.fit();
        assertTrue(fit.converged(), fit.toString());
        double[] truth = {TRUTH.p(), TRUTH.q(), TRUTH.gamma()};
        for (int i = 0; i < 3; i++) {
            ParameterEstimate estimate = fit.estimates().get(i);
            assertEquals(GammaGammaFitter.PARAMETERS.get(i), estimate.name());
            assertTrue(Double.isFinite(estimate.standardError()) && estimate.standardError() > 0, estimate.toString());
            assertEquals(truth[i], estimate.value(), 3 * estimate.standardError(), estimate.toString());
        }
    }

    @Test
    void theFitsLogLikelihoodIsTheSumOfTheRepeatBuyersOwn() {
        PurchaseHistories histories = simulated(6, 1_500, 500);
        ParameterFit fit = GammaGammaFitter.fit(histories).fit();
        GammaGamma fitted = new GammaGamma(fit.value(0), fit.value(1), fit.value(2));
        double sum = 0;
        for (int i = 0; i < histories.size(); i++) {
            if (histories.frequency(i) > 0) {
                sum += fitted.logLikelihood(histories.frequency(i), histories.meanRepeatValue(i));
            }
        }
        assertEquals(sum, fit.logLikelihood(), 1e-9 * Math.abs(sum));
    }

    @Test
    void duplicatingEveryCustomerDoublesTheLogLikelihoodAndKeepsTheEstimates() {
        PurchaseHistories once = simulated(7, 1_500, 0);
        ParameterFit single = GammaGammaFitter.fit(once).fit();
        ParameterFit doubled = GammaGammaFitter.fit(BgNbdFitterTest.twice(once)).fit();
        assertEquals(2 * single.logLikelihood(), doubled.logLikelihood(), 1e-9 * Math.abs(doubled.logLikelihood()));
        for (int i = 0; i < 3; i++) {
            assertEquals(single.value(i), doubled.value(i), 1e-6 * single.value(i), GammaGammaFitter.PARAMETERS.get(i));
        }
    }

    @Test
    void repeatBuyersWithoutPositiveValueAreLeftOutAndCounted() {
        PurchaseHistories clean = simulated(8, 1_000, 0);
        int extra = 30;
        int n = clean.size() + extra;
        int[] frequency = new int[n];
        int[] recency = new int[n];
        int[] age = new int[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            boolean added = i >= clean.size();
            frequency[i] = added ? 2 : clean.frequency(i);
            recency[i] = added ? 50 : clean.recencyDays(i);
            age[i] = added ? 90 : clean.ageDays(i);
            mean[i] = added ? (i % 2 == 0 ? 0 : -12.5) : clean.meanRepeatValue(i);
        }
        GammaGammaFitter.Result withZeros = GammaGammaFitter.fit(new PurchaseHistories(frequency, recency, age, mean));
        GammaGammaFitter.Result without = GammaGammaFitter.fit(clean);
        assertEquals(1_000, withZeros.customers());
        assertEquals(extra, withZeros.leftOutNonPositive());
        assertEquals(without.fit().logLikelihood(), withZeros.fit().logLikelihood(), 1e-9 * Math.abs(without.fit().logLikelihood()));
        for (int i = 0; i < 3; i++) {
            assertEquals(without.fit().value(i), withZeros.fit().value(i), 1e-9 * without.fit().value(i));
        }
    }

    @Test
    void tooFewRepeatBuyersWithValueAreRefusedWithTheCounts() {
        int n = 50;
        int[] frequency = new int[n];
        int[] recency = new int[n];
        int[] age = new int[n];
        double[] mean = new double[n];
        Arrays.fill(age, 100);
        Arrays.fill(mean, Double.NaN);
        for (int i = 0; i < 25; i++) {
            frequency[i] = 1;
            recency[i] = 10;
            mean[i] = i < 19 ? 30 + i : 0;
        }
        DataException e = assertThrows(DataException.class, () -> GammaGammaFitter.fit(new PurchaseHistories(frequency, recency, age, mean)));
        assertTrue(e.getMessage().contains("only 19 customers have repeat purchases worth more than 0")
                && e.getMessage().contains("(6 more have only $0 or returned repeat orders)")
                && e.getMessage().contains("needs at least 20"), e.getMessage());
    }
}
