// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Random;

/**
 * The pool rows the held-out comparison of methods ranks: every candidate (the pool without the training seed) when
 * there are at most {@value #SAMPLE} of them, otherwise a uniform random sample of that many plus every held-out
 * member. The top-share thresholds come from the sample; a sample of 200,000 puts the 5 % threshold within about
 * 0.1 percentage point of the whole pool's, and saves ranking the pool once per method (the final ranking still
 * covers every customer).
 *
 * @param rows     pool rows, ascending
 * @param inSample per row, whether it is part of the uniform sample
 * @param heldOut  per row, whether it is a held-out seed member
 */
record EvaluationRows(int[] rows, boolean[] inSample, boolean[] heldOut, int sampleSize, boolean sampled) {
    static final int SAMPLE = 200_000;

    static EvaluationRows draw(int poolSize, int[] trainingSeed, int[] heldOutRows, Random random) {
        boolean[] training = new boolean[poolSize];
        for (int row : trainingSeed) {
            training[row] = true;
        }
        boolean[] isHeldOut = new boolean[poolSize];
        for (int row : heldOutRows) {
            isHeldOut[row] = true;
        }
        int candidates = poolSize - trainingSeed.length;
        boolean sampled = candidates > SAMPLE;
        double share = sampled ? (double) SAMPLE / candidates : 1;
        boolean[] picked = new boolean[poolSize];
        int count = 0;
        int sampleSize = 0;
        for (int row = 0; row < poolSize; row++) {
            if (training[row]) {
                continue;
            }
            picked[row] = !sampled || random.nextDouble() < share;
            sampleSize += picked[row] ? 1 : 0;
            count += picked[row] || isHeldOut[row] ? 1 : 0;
        }
        int[] rows = new int[count];
        boolean[] inSample = new boolean[count];
        boolean[] heldOut = new boolean[count];
        int k = 0;
        for (int row = 0; row < poolSize; row++) {
            if (!training[row] && (picked[row] || isHeldOut[row])) {
                rows[k] = row;
                inSample[k] = picked[row];
                heldOut[k++] = isHeldOut[row];
            }
        }
        return new EvaluationRows(rows, inSample, heldOut, sampleSize, sampled);
    }
}
