// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded splits that keep the positive rate equal across parts, so that a small holdout of a rare outcome still has
 * positives to measure.
 */
public final class StratifiedSplits {
    private StratifiedSplits() {
    }

    /** Row indices into two parts, the second holding {@code fraction} of each class (in input order). */
    public static int[][] holdout(boolean[] outcomes, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in (0, 1), got " + fraction);
        }
        int[] fold = assignFolds(outcomes, new double[]{1 - fraction, fraction}, seed);
        return new int[][]{rowsWhere(fold, 0), rowsWhere(fold, 1)};
    }

    /** For each of {@code k} folds: {training rows, held-out rows}. */
    public static List<int[][]> kFold(boolean[] outcomes, int k, long seed) {
        double[] shares = new double[k];
        Arrays.fill(shares, 1.0 / k);
        int[] fold = assignFolds(outcomes, shares, seed);
        List<int[][]> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int heldOut = f;
            int[] test = rowsWhere(fold, heldOut);
            int[] train = java.util.stream.IntStream.range(0, fold.length).filter(i -> fold[i] != heldOut).toArray();
            folds.add(new int[][]{train, test});
        }
        return folds;
    }

    private static int[] assignFolds(boolean[] outcomes, double[] shares, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[outcomes.length];
        for (boolean positive : new boolean[]{true, false}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == positive) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            int start = 0;
            double cumulative = 0;
            for (int part = 0; part < shares.length; part++) {
                cumulative += shares[part];
                int end = part == shares.length - 1 ? members.size() : (int) Math.round(cumulative * members.size());
                for (int i = start; i < end; i++) {
                    fold[members.get(i)] = part;
                }
                start = end;
            }
        }
        return fold;
    }

    private static int[] rowsWhere(int[] fold, int part) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> fold[i] == part).toArray();
    }
}
