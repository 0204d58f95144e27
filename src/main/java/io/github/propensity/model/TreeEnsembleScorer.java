// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Arrays;

/**
 * Boosted trees laid out as complete binary trees of one common depth in flat arrays, so a prediction walks each
 * tree with index arithmetic ({@code child = 2 i + 1 + (x < threshold ? 0 : 1)}), no pointer chasing and no branch
 * to mispredict; leaves above the common depth are padded with splits that always go left and keep their value.
 * <p>
 * The log-odds are a base margin plus each tree's leaf with a sign. Trees trained with {@code binary:logistic}
 * all count +1 on top of {@code logit(base_score)}. Format-1 bundles hold Tribuo's two-class softmax, whose
 * positive-class probability is {@code sigmoid(margin(positive) - margin(negative))}: trees of the positive class
 * count +1, those of the negative class -1 (folded into the stored values), and the base margin is 0.
 * <p>
 * Contributions follow Saabas ("Interpreting random forests", 2014), which XGBoost offers as approximate
 * contributions: along a customer's path each split's feature is credited with the change in the node's expected
 * value (the cover-weighted mean of the leaves below). They sum exactly to the log-odds minus the ensemble's
 * expected value and cost no more than the prediction itself, which exact TreeSHAP would not.
 * <p>
 * Comparisons use the feature value rounded to float, as XGBoost does (cast in place: no array per row). Encoded rows never hold NaN (the encoder
 * imputes), so XGBoost's missing-value branches are not needed.
 */
public final class TreeEnsembleScorer implements CompiledScorer {
    private final int trees;
    private final int depth;
    private final int innerPerTree;
    private final int leavesPerTree;
    /** [tree * innerPerTree + node] */
    private final int[] feature;
    private final float[] threshold;
    /** [2 * (tree * innerPerTree + node) + 0 for the left (yes) child, + 1 for the right (no) child]: signed change of expected value. */
    private final double[] childDelta;
    /** [tree * leavesPerTree + leaf], signed. */
    private final double[] leafValue;
    private final double baseline;
    private final double baseMargin;

    /**
     * @param sign       per tree, +1 for positive-class trees and -1 for negative-class ones
     * @param baseMargin the log-odds before any tree
     * @param innerValue per inner node, the cover-weighted expected value of the leaves below it (unsigned)
     * @param leafValue  per leaf, its value (unsigned)
     */
    TreeEnsembleScorer(int depth, double[] sign, double baseMargin, int[] feature, float[] threshold, double[] innerValue, double[] leafValue) {
        this.trees = sign.length;
        this.depth = depth;
        this.innerPerTree = (1 << depth) - 1;
        this.leavesPerTree = 1 << depth;
        if (feature.length != trees * innerPerTree || leafValue.length != trees * leavesPerTree) {
            throw new IllegalArgumentException("tree arrays do not match " + trees + " trees of depth " + depth);
        }
        this.feature = feature.clone();
        this.threshold = threshold.clone();
        this.childDelta = new double[2 * feature.length];
        this.leafValue = new double[leafValue.length];
        this.baseMargin = baseMargin;
        double expected = baseMargin;
        for (int t = 0; t < trees; t++) {
            for (int node = 0; node < innerPerTree; node++) {
                int at = t * innerPerTree + node;
                childDelta[2 * at] = sign[t] * (valueAt(t, 2 * node + 1, innerValue, leafValue) - innerValue[at]);
                childDelta[2 * at + 1] = sign[t] * (valueAt(t, 2 * node + 2, innerValue, leafValue) - innerValue[at]);
            }
            for (int leaf = 0; leaf < leavesPerTree; leaf++) {
                this.leafValue[t * leavesPerTree + leaf] = sign[t] * leafValue[t * leavesPerTree + leaf];
            }
            expected += sign[t] * valueAt(t, 0, innerValue, leafValue);
        }
        this.baseline = expected;
    }

    private double valueAt(int tree, int node, double[] innerValue, double[] leafValue) {
        return node < innerPerTree ? innerValue[tree * innerPerTree + node] : leafValue[tree * leavesPerTree + node - innerPerTree];
    }

    public int trees() {
        return trees;
    }

    @Override
    public double logOdds(double[] features) {
        return walk(features, null);
    }

    @Override
    public double logOdds(float[] features) {
        return walk(features, null);
    }

    @Override
    public double explain(double[] features, double[] contributions) {
        Arrays.fill(contributions, 0.0);
        return walk(features, contributions);
    }

    @Override
    public double explain(float[] features, double[] contributions) {
        Arrays.fill(contributions, 0.0);
        return walk(features, contributions);
    }

    /** The log-odds of a row, adding each split's credit to {@code contributions} unless it is null. */
    private double walk(double[] features, double[] contributions) {
        double sum = baseMargin;
        for (int t = 0; t < trees; t++) {
            int base = t * innerPerTree;
            int node = 0;
            for (int level = 0; level < depth; level++) {
                int at = base + node;
                int right = goesRight((float) features[feature[at]], threshold[at]);
                if (contributions != null) {
                    contributions[feature[at]] += childDelta[2 * at + right];
                }
                node = 2 * node + 1 + right;
            }
            sum += leafValue[t * leavesPerTree + node - innerPerTree];
        }
        return sum;
    }

    /** {@link #walk(double[], double[])} over a row kept in floats: the same comparisons, without the cast. */
    private double walk(float[] features, double[] contributions) {
        double sum = baseMargin;
        for (int t = 0; t < trees; t++) {
            int base = t * innerPerTree;
            int node = 0;
            for (int level = 0; level < depth; level++) {
                int at = base + node;
                int right = goesRight(features[feature[at]], threshold[at]);
                if (contributions != null) {
                    contributions[feature[at]] += childDelta[2 * at + right];
                }
                node = 2 * node + 1 + right;
            }
            sum += leafValue[t * leavesPerTree + node - innerPerTree];
        }
        return sum;
    }

    /**
     * {@code value < threshold ? 0 : 1} (1 is XGBoost's "no" branch) without a branch: split outcomes are close to
     * coin flips row after row, so a conditional jump would be mispredicted about half the time. Floats compare as
     * integers once negative ones have their magnitude bits flipped; adding +0 first makes -0 equal +0, as a float
     * comparison has it.
     */
    static int goesRight(float value, float threshold) {
        long difference = (long) orderedBits(value + 0.0f) - orderedBits(threshold + 0.0f);
        return (int) (difference >>> 63) ^ 1;
    }

    /** The float's bits as an int that orders as the floats do (NaN aside). */
    private static int orderedBits(float value) {
        int bits = Float.floatToRawIntBits(value);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    @Override
    public double baselineLogOdds() {
        return baseline;
    }
}
