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
        int candidates = scores.length - trainingSeed.length;
        double[] candidateScores = new double[candidates];
        int k = 0;
        for (int row = 0; row < scores.length; row++) {
            if (!excluded[row]) {
                candidateScores[k++] = scores[row];
            }
        }
        Arrays.sort(candidateScores);
        double[] shares = {FIXED_SHARES[0], FIXED_SHARES[1], FIXED_SHARES[2], sizeShare};
        double[] recall = new double[shares.length];
        for (int s = 0; s < shares.length; s++) {
            int top = (int) Math.max(1, Math.round(shares[s] * candidates));
            double threshold = candidateScores[candidates - top];
            long found = 0;
            for (int row : heldOut) {
                found += scores[row] >= threshold ? 1 : 0;
            }
            recall[s] = (double) found / heldOut.length;
        }
        return new LookalikeCard.MethodQuality(method, heldOut.length, recall[0], recall[1], recall[2], recall[3],
                recall[2] / FIXED_SHARES[2]);
    }
}
