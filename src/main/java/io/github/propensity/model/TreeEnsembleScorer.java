// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Arrays;

/**
 * Boosted trees laid out as complete binary trees of one common depth in flat arrays, so a prediction walks each
 * tree with index arithmetic ({@code child = 2 i + 1 + (x < threshold ? 0 : 1)}), no pointer chasing and no branch
 * to mispredict; leaves above the common depth are padded with splits that always go left and keep their value
 * (threshold +infinity; encoded rows are finite).
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
 * Comparisons use the feature value rounded to float, as XGBoost does. Encoded rows never hold NaN (the encoder
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
        return walk(asFloats(features), null);
    }

    @Override
    public double logOdds(float[] features) {
        return walk(features, null);
    }

    @Override
    public double explain(double[] features, double[] contributions) {
        Arrays.fill(contributions, 0.0);
        return walk(asFloats(features), contributions);
    }

    @Override
    public double explain(float[] features, double[] contributions) {
        Arrays.fill(contributions, 0.0);
        return walk(features, contributions);
    }

    /**
     * The row rounded to float, as XGBoost compares it. One small array per call: cheaper than keeping a second
     * copy of every walk for doubles, and the walks below are what a row's time goes to.
     */
    private static float[] asFloats(double[] features) {
        float[] row = new float[features.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) features[i];
        }
        return row;
    }

    /** The log-odds of a row, adding each split's credit to {@code contributions} unless it is null. */
    private double walk(float[] features, double[] contributions) {
        return switch (depth) {
            case 2 -> walkDepth2(features, contributions);
            case 3 -> walkDepth3(features, contributions);
            default -> walkPath(features, contributions);
        };
    }

    /**
     * Trees of depth 2 and 3 (the shallow ones boosting usually picks) compare every inner node first, then read
     * the path out of those outcomes: the comparisons do not wait on each other, where a walk's next comparison
     * waits on the last one. Twice as fast as {@link #walkPath} at depth 2, measured on the sample's churn model.
     */
    private double walkDepth2(float[] x, double[] contributions) {
        double sum = baseMargin;
        for (int t = 0; t < trees; t++) {
            int base = 3 * t;
            int outcomes = right(x, base) | right(x, base + 1) << 1 | right(x, base + 2) << 2;
            int first = 1 + (outcomes & 1);
            int second = outcomes >>> first & 1;
            if (contributions != null) {
                credit(contributions, base, outcomes & 1);
                credit(contributions, base + first, second);
            }
            sum += leafValue[4 * t + 2 * (first - 1) + second];
        }
        return sum;
    }

    private double walkDepth3(float[] x, double[] contributions) {
        double sum = baseMargin;
        for (int t = 0; t < trees; t++) {
            int base = 7 * t;
            int outcomes = right(x, base) | right(x, base + 1) << 1 | right(x, base + 2) << 2 | right(x, base + 3) << 3
                    | right(x, base + 4) << 4 | right(x, base + 5) << 5 | right(x, base + 6) << 6;
            int first = 1 + (outcomes & 1);
            int second = 2 * first + 1 + (outcomes >>> first & 1);
            int leaf = 2 * second + 1 + (outcomes >>> second & 1);
            if (contributions != null) {
                credit(contributions, base, outcomes & 1);
                credit(contributions, base + first, outcomes >>> first & 1);
                credit(contributions, base + second, outcomes >>> second & 1);
            }
            sum += leafValue[8 * t + leaf - 7];
        }
        return sum;
    }

    /** Any depth: one comparison per level along the row's path. */
    private double walkPath(float[] x, double[] contributions) {
        double sum = baseMargin;
        for (int t = 0; t < trees; t++) {
            int base = t * innerPerTree;
            int node = 0;
            for (int level = 0; level < depth; level++) {
                int right = right(x, base + node);
                if (contributions != null) {
                    credit(contributions, base + node, right);
                }
                node = 2 * node + 1 + right;
            }
            sum += leafValue[t * leavesPerTree + node - innerPerTree];
        }
        return sum;
    }

    /**
     * 1 when the row goes to inner node {@code at}'s right ("no") child: {@code value < threshold} is false. A plain
     * float comparison, which the JIT turns into a flag read, not a jump (-0 equals +0, as in XGBoost).
     */
    private int right(float[] x, int at) {
        return x[feature[at]] < threshold[at] ? 0 : 1;
    }

    private void credit(double[] contributions, int at, int right) {
        contributions[feature[at]] += childDelta[2 * at + right];
    }

    @Override
    public double baselineLogOdds() {
        return baseline;
    }
}
