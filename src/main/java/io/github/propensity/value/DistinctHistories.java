// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.data.DataException;

import java.util.Arrays;

/**
 * The distinct (x, t_x, T) of a set of histories with their counts, and the BG/NBD and NBD log-likelihoods summed
 * over them. Customers with the same history in days have the same likelihood, so each distinct one is evaluated
 * once and weighted by its count: a million customers collapse to the few hundred thousand distinct histories of a
 * two-year log at most. Terms that depend on x alone (the log-gamma functions) are computed once per distinct x per
 * evaluation.
 */
final class DistinctHistories {
    private final int[] xValues;
    private final int[] xIndex;
    private final double[] recencyWeeks;
    private final double[] ageWeeks;
    private final double[] weight;

    private DistinctHistories(int[] xValues, int[] xIndex, double[] recencyWeeks, double[] ageWeeks, double[] weight) {
        this.xValues = xValues;
        this.xIndex = xIndex;
        this.recencyWeeks = recencyWeeks;
        this.ageWeeks = ageWeeks;
        this.weight = weight;
    }

    /** Packs (x, t_x, T) into one sortable long: 21 bits each (x up to 2 million, days up to 5,700 years). */
    static DistinctHistories of(PurchaseHistories histories) {
        int n = histories.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long x = histories.frequency(i);
            long tx = histories.recencyDays(i);
            long age = histories.ageDays(i);
            if ((x | tx | age) >= 1L << 21) {
                throw new DataException("customer " + i + ": " + x + " repeat purchases over " + age
                        + " days is beyond what the purchase model can count (2,097,151)");
            }
            keys[i] = x << 42 | tx << 21 | age;
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            distinct += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
        }
        int[] frequency = new int[distinct];
        double[] recency = new double[distinct];
        double[] age = new double[distinct];
        double[] weight = new double[distinct];
        int d = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                d++;
                frequency[d] = (int) (keys[i] >>> 42);
                recency[d] = ((keys[i] >>> 21) & 0x1FFFFF) / PurchaseHistories.DAYS_PER_WEEK;
                age[d] = (keys[i] & 0x1FFFFF) / PurchaseHistories.DAYS_PER_WEEK;
            }
            weight[d]++;
        }
        int[] xValues = Arrays.stream(frequency).distinct().sorted().toArray();
        int[] xIndex = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            xIndex[i] = Arrays.binarySearch(xValues, frequency[i]);
        }
        return new DistinctHistories(xValues, xIndex, recency, age, weight);
    }

    int size() {
        return weight.length;
    }

    /** Equation (6) of the paper summed over customers, and its gradient in (r, α, a, b). */
    double logLikelihood(double[] theta, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        int kinds = xValues.length;
        // Per distinct x: the log-gamma part of the likelihood and its derivatives in r, a and b.
        double[] logGammaPart = new double[kinds];
        double[] dr = new double[kinds];
        double[] da = new double[kinds];
        double[] db = new double[kinds];
        double lgammaR = GammaFunctions.logGamma(r);
        double lgammaB = GammaFunctions.logGamma(b);
        double lgammaAB = GammaFunctions.logGamma(a + b);
        double digammaR = GammaFunctions.digamma(r);
        double digammaB = GammaFunctions.digamma(b);
        double digammaAB = GammaFunctions.digamma(a + b);
        for (int k = 0; k < kinds; k++) {
            int x = xValues[k];
            double digammaABX = GammaFunctions.digamma(a + b + x);
            logGammaPart[k] = GammaFunctions.logGamma(r + x) - lgammaR + lgammaAB + GammaFunctions.logGamma(b + x) - lgammaB - GammaFunctions.logGamma(a + b + x);
            dr[k] = GammaFunctions.digamma(r + x) - digammaR;
            da[k] = digammaAB - digammaABX;
            db[k] = digammaAB + GammaFunctions.digamma(b + x) - digammaB - digammaABX;
        }
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        double sum = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = xIndex[i];
            int x = xValues[k];
            double w = weight[i];
            double logAgeTerm = Math.log(alpha + ageWeeks[i]);
            double active = -(r + x) * logAgeTerm;
            double likelihood;
            double shareDropped = 0;
            double logRecencyTerm = 0;
            if (x == 0) {
                likelihood = active;
            } else {
                logRecencyTerm = Math.log(alpha + recencyWeeks[i]);
                double dropped = logA - Math.log(b + x - 1) - (r + x) * logRecencyTerm;
                double mixed = LogSum.of(active, dropped);
                shareDropped = Math.exp(dropped - mixed);
                likelihood = mixed;
            }
            double shareActive = 1 - shareDropped;
            sum += w * (logGammaPart[k] + r * logAlpha + likelihood);
            gr += w * (dr[k] + logAlpha - shareActive * logAgeTerm - shareDropped * logRecencyTerm);
            galpha += w * (r / alpha - (r + x) * (shareActive / (alpha + ageWeeks[i])
                    + (x == 0 ? 0 : shareDropped / (alpha + recencyWeeks[i]))));
            ga += w * (da[k] + shareDropped / a);
            gb += w * (db[k] - (x == 0 ? 0 : shareDropped / (b + x - 1)));
        }
        gradient[0] = gr;
        gradient[1] = galpha;
        gradient[2] = ga;
        gradient[3] = gb;
        return sum;
    }

    /** The NBD log-likelihood summed over customers, and its gradient in (r, α). */
    double nbdLogLikelihood(double[] theta, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        int kinds = xValues.length;
        double[] logGammaPart = new double[kinds];
        double[] dr = new double[kinds];
        double lgammaR = GammaFunctions.logGamma(r);
        double digammaR = GammaFunctions.digamma(r);
        for (int k = 0; k < kinds; k++) {
            logGammaPart[k] = GammaFunctions.logGamma(r + xValues[k]) - lgammaR;
            dr[k] = GammaFunctions.digamma(r + xValues[k]) - digammaR;
        }
        double logAlpha = Math.log(alpha);
        double sum = 0;
        double gr = 0;
        double galpha = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = xIndex[i];
            int x = xValues[k];
            double w = weight[i];
            double logAgeTerm = Math.log(alpha + ageWeeks[i]);
            sum += w * (logGammaPart[k] + r * logAlpha - (r + x) * logAgeTerm);
            gr += w * (dr[k] + logAlpha - logAgeTerm);
            galpha += w * (r / alpha - (r + x) / (alpha + ageWeeks[i]));
        }
        gradient[0] = gr;
        gradient[1] = galpha;
        return sum;
    }
}
