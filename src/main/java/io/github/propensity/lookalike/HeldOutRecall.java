// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Arrays;

/**
 * A method's measured quality: where the held-out seed members land when the training seed is removed from the
 * ranking. Recall in the top 1, 5 and 10 % of the remaining pool and at the audience size, and the lift of the
 * top 10 % over a random pick.
 */
final class HeldOutRecall {
    private static final double[] FIXED_SHARES = {0.01, 0.05, 0.10};

    private HeldOutRecall() {
    }

    /**
     * @param scores       every pool row's score
     * @param trainingSeed rows the method was fitted on, left out of the ranking
     * @param heldOut      seed rows the method did not see
     * @param sizeShare    the audience's share of the pool
     */
    static LookalikeCard.MethodQuality measure(String method, double[] scores, int[] trainingSeed, int[] heldOut, double sizeShare) {
        boolean[] excluded = new boolean[scores.length];
        for (int row : trainingSeed) {
            excluded[row] = true;
        }
        boolean[] isHeldOut = new boolean[scores.length];
        for (int row : heldOut) {
            isHeldOut[row] = true;
        }
        int candidates = scores.length - trainingSeed.length;
        double[] candidateScores = new double[candidates];
        boolean[] candidateHeldOut = new boolean[candidates];
        int k = 0;
        for (int row = 0; row < scores.length; row++) {
            if (!excluded[row]) {
                candidateHeldOut[k] = isHeldOut[row];
                candidateScores[k++] = scores[row];
            }
        }
        boolean[] all = new boolean[candidates];
        Arrays.fill(all, true);
        return measure(method, candidateScores, all, candidateHeldOut, sizeShare);
    }

    /**
     * The same from the scores of candidate rows only (the pool without the training seed), when the ranking was
     * computed for a uniform sample of them plus every held-out member.
     *
     * @param inSample which rows belong to the uniform sample: the thresholds of the top shares come from these
     * @param heldOut  which rows are held-out seed members: the recall counts these
     */
    static LookalikeCard.MethodQuality measure(String method, double[] scores, boolean[] inSample, boolean[] heldOut, double sizeShare) {
        int sampled = 0;
        int heldOutCount = 0;
        for (int i = 0; i < scores.length; i++) {
            sampled += inSample[i] ? 1 : 0;
            heldOutCount += heldOut[i] ? 1 : 0;
        }
        double[] sampleScores = new double[sampled];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (inSample[i]) {
                sampleScores[k++] = scores[i];
            }
        }
        Arrays.sort(sampleScores);
        double[] shares = {FIXED_SHARES[0], FIXED_SHARES[1], FIXED_SHARES[2], sizeShare};
        double[] recall = new double[shares.length];
        for (int s = 0; s < shares.length; s++) {
            int top = (int) Math.max(1, Math.round(shares[s] * sampled));
            double threshold = sampleScores[sampled - top];
            long found = 0;
            for (int i = 0; i < scores.length; i++) {
                found += heldOut[i] && scores[i] >= threshold ? 1 : 0;
            }
            recall[s] = (double) found / heldOutCount;
        }
        return new LookalikeCard.MethodQuality(method, heldOutCount, recall[0], recall[1], recall[2], recall[3],
                recall[2] / FIXED_SHARES[2]);
    }
}
