// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.data.DataException;

import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link GammaGamma} by maximum likelihood on the customers with at least one repeat purchase day and a
 * positive mean repeat value. Customers whose repeat days were all worth $0 (or were all given back) carry no
 * information about the value of an order in this model, whose values are positive by definition; they are left
 * out and counted. Log-gamma terms depend on x alone and are computed once per distinct x per evaluation.
 */
public final class GammaGammaFitter {
    public static final List<String> PARAMETERS = List.of("p", "q", "gamma");

    private GammaGammaFitter() {
    }

    /** The fit and who it left out. */
    public record Result(ParameterFit fit, int customers, int leftOutNonPositive) {
    }

    public static Result fit(PurchaseHistories histories) {
        int n = histories.size();
        int usable = 0;
        int nonPositive = 0;
        for (int i = 0; i < n; i++) {
            if (histories.frequency(i) > 0) {
                if (histories.meanRepeatValue(i) > 0) {
                    usable++;
                } else {
                    nonPositive++;
                }
            }
        }
        if (usable < BgNbdFitter.MIN_REPEAT_BUYERS) {
            throw new DataException("only " + usable + " customers have repeat purchases worth more than 0 before the"
                    + " calibration end" + (nonPositive > 0 ? " (" + nonPositive + " more have only $0 or returned repeat orders)" : "")
                    + "; the order value model needs at least " + BgNbdFitter.MIN_REPEAT_BUYERS
                    + " (check the amount column, or choose a later calibration end)");
        }
        int[] frequency = new int[usable];
        double[] mean = new double[usable];
        int j = 0;
        double meanSum = 0;
        for (int i = 0; i < n; i++) {
            if (histories.frequency(i) > 0 && histories.meanRepeatValue(i) > 0) {
                frequency[j] = histories.frequency(i);
                mean[j] = histories.meanRepeatValue(i);
                meanSum += mean[j];
                j++;
            }
        }
        Values values = Values.of(frequency, mean);
        // Start at p = 1, q = 2 and γ that makes the population mean pγ/(q-1) the observed mean.
        double start = meanSum / usable;
        ParameterFit fit = MaximumLikelihood.maximize(PARAMETERS, values::logLikelihood, new double[]{1, 2, start}, usable, usable);
        return new Result(fit, usable, nonPositive);
    }

    /** Mean values with their log and the index of their x among the distinct ones. */
    private record Values(int[] xValues, int[] xIndex, double[] mean, double[] logMean) {
        static Values of(int[] frequency, double[] mean) {
            int[] xValues = Arrays.stream(frequency).distinct().sorted().toArray();
            int[] xIndex = new int[frequency.length];
            double[] logMean = new double[mean.length];
            for (int i = 0; i < frequency.length; i++) {
                xIndex[i] = Arrays.binarySearch(xValues, frequency[i]);
                logMean[i] = Math.log(mean[i]);
            }
            return new Values(xValues, xIndex, mean, logMean);
        }

        /** The paper's log-likelihood summed over customers, and its gradient in (p, q, γ). */
        double logLikelihood(double[] theta, double[] gradient) {
            double p = theta[0];
            double q = theta[1];
            double gamma = theta[2];
            int kinds = xValues.length;
            double[] logGammaPart = new double[kinds];
            double[] dpPart = new double[kinds];
            double[] dqPart = new double[kinds];
            double lgammaQ = GammaFunctions.logGamma(q);
            double digammaQ = GammaFunctions.digamma(q);
            for (int k = 0; k < kinds; k++) {
                int x = xValues[k];
                double px = p * x;
                logGammaPart[k] = GammaFunctions.logGamma(px + q) - GammaFunctions.logGamma(px) - lgammaQ + px * Math.log(x);
                double digammaPXQ = GammaFunctions.digamma(px + q);
                dpPart[k] = x * (digammaPXQ - GammaFunctions.digamma(px) + Math.log(x));
                dqPart[k] = digammaPXQ - digammaQ;
            }
            double logGamma = Math.log(gamma);
            double sum = 0;
            double gp = 0;
            double gq = 0;
            double gg = 0;
            for (int i = 0; i < mean.length; i++) {
                int k = xIndex[i];
                int x = xValues[k];
                double px = p * x;
                double total = gamma + mean[i] * x;
                double logTotal = Math.log(total);
                sum += logGammaPart[k] + q * logGamma + (px - 1) * logMean[i] - (px + q) * logTotal;
                gp += dpPart[k] + x * (logMean[i] - logTotal);
                gq += dqPart[k] + logGamma - logTotal;
                gg += q / gamma - (px + q) / total;
            }
            gradient[0] = gp;
            gradient[1] = gq;
            gradient[2] = gg;
            return sum;
        }
    }
}
