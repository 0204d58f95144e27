// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Seeded splits that keep the positive rate equal across parts, so that a small holdout of a rare outcome still has
 * positives to measure.
 *
 * <p>With groups (the same customer on several rows, as when rows of several cut-offs are stacked), a group's rows
 * always land in the same part: otherwise a model is tested on customers it has already seen at another date and
 * its held-out figures flatter it. Groups are stratified by whether any of their rows is positive.
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
        return foldPairs(assignFolds(outcomes, shares, seed), k);
    }

    /** Like {@link #holdout(boolean[], double, long)}, keeping each group's rows together; null groups = one row each. */
    public static int[][] holdout(boolean[] outcomes, int[] groups, double fraction, long seed) {
        if (groups == null) {
            return holdout(outcomes, fraction, seed);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in (0, 1), got " + fraction);
        }
        int[] fold = assignGroupFolds(outcomes, groups, new double[]{1 - fraction, fraction}, seed);
        return new int[][]{rowsWhere(fold, 0), rowsWhere(fold, 1)};
    }

    /** Like {@link #kFold(boolean[], int, long)}, keeping each group's rows in one fold; null groups = one row each. */
    public static List<int[][]> kFold(boolean[] outcomes, int[] groups, int k, long seed) {
        if (groups == null) {
            return kFold(outcomes, k, seed);
        }
        double[] shares = new double[k];
        Arrays.fill(shares, 1.0 / k);
        return foldPairs(assignGroupFolds(outcomes, groups, shares, seed), k);
    }

    private static List<int[][]> foldPairs(int[] fold, int k) {
        List<int[][]> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int heldOut = f;
            int[] test = rowsWhere(fold, heldOut);
            int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != heldOut).toArray();
            folds.add(new int[][]{train, test});
        }
        return folds;
    }

    /** The entries of {@code groups} at {@code rows}, for splitting a subset again (null stays null). */
    public static int[] subset(int[] groups, int[] rows) {
        if (groups == null) {
            return null;
        }
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = groups[rows[i]];
        }
        return picked;
    }

    private static int[] assignGroupFolds(boolean[] outcomes, int[] groups, double[] shares, long seed) {
        if (groups.length != outcomes.length) {
            throw new IllegalArgumentException("one group per row is required");
        }
        Map<Integer, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            rowsByGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[outcomes.length];
        for (boolean positive : new boolean[]{true, false}) {
            List<List<Integer>> members = new ArrayList<>();
            int stratumRows = 0;
            for (List<Integer> rows : rowsByGroup.values()) {
                if (rows.stream().anyMatch(r -> outcomes[r]) == positive) {
                    members.add(rows);
                    stratumRows += rows.size();
                }
            }
            Collections.shuffle(members, random);
            // Each group goes to the part its middle row would fall in if the stratum's rows were laid out in order.
            int placed = 0;
            for (List<Integer> rows : members) {
                double middle = (placed + rows.size() / 2.0) / stratumRows;
                int part = 0;
                double cumulative = shares[0];
                while (part < shares.length - 1 && middle >= cumulative) {
                    part++;
                    cumulative += shares[part];
                }
                for (int row : rows) {
                    fold[row] = part;
                }
                placed += rows.size();
            }
        }
        return fold;
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
            Collections.shuffle(members, random);
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
        return IntStream.range(0, fold.length).filter(i -> fold[i] == part).toArray();
    }
}
