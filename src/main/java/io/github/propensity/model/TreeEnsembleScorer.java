// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * Boosted trees flattened into parallel arrays. Each tree adds to the log-odds with a sign: Tribuo trains XGBoost as
 * two-class softmax, whose positive-class probability is {@code sigmoid(margin(positive) - margin(negative))}, so
 * trees of the positive class count +1 and those of the negative class -1.
 * <p>
 * Contributions follow Saabas ("Interpreting random forests", 2014), which XGBoost itself offers as approximate
 * contributions: walking a customer's path, each split's feature is credited with the change in the node's
 * expected value (the cover-weighted mean of the leaves below). They sum exactly to the log-odds minus the
 * ensemble's expected value and cost no more than the prediction itself, which exact TreeSHAP would not.
 * Comparisons use the feature value rounded to float, as XGBoost does.
 */
public final class TreeEnsembleScorer implements CompiledScorer {
    private final int[] roots;
    private final double[] treeSigns;
    private final int[] feature;
    private final float[] threshold;
    private final int[] yes;
    private final int[] no;
    private final int[] missing;
    private final double[] value;
    private final boolean[] leaf;
    private final double baseline;

    /**
     * @param feature   per node, the encoded feature index tested (unused for leaves)
     * @param value     per node, the leaf value or, for an inner node, the expected value below it
     */
    TreeEnsembleScorer(int[] roots, double[] treeSigns, int[] feature, float[] threshold, int[] yes, int[] no,
                       int[] missing, double[] value, boolean[] leaf) {
        this.roots = roots.clone();
        this.treeSigns = treeSigns.clone();
        this.feature = feature.clone();
        this.threshold = threshold.clone();
        this.yes = yes.clone();
        this.no = no.clone();
        this.missing = missing.clone();
        this.value = value.clone();
        this.leaf = leaf.clone();
        double expected = 0;
        for (int t = 0; t < roots.length; t++) {
            expected += treeSigns[t] * value[roots[t]];
        }
        this.baseline = expected;
    }

    public int trees() {
        return roots.length;
    }

    @Override
    public double logOdds(double[] features) {
        double sum = 0;
        for (int t = 0; t < roots.length; t++) {
            int node = roots[t];
            while (!leaf[node]) {
                node = next(node, features[feature[node]]);
            }
            sum += treeSigns[t] * value[node];
        }
        return sum;
    }

    @Override
    public double explain(double[] features, double[] contributions) {
        java.util.Arrays.fill(contributions, 0.0);
        double sum = 0;
        for (int t = 0; t < roots.length; t++) {
            double sign = treeSigns[t];
            int node = roots[t];
            while (!leaf[node]) {
                int child = next(node, features[feature[node]]);
                contributions[feature[node]] += sign * (value[child] - value[node]);
                node = child;
            }
            sum += sign * value[node];
        }
        return sum;
    }

    @Override
    public double baselineLogOdds() {
        return baseline;
    }

    private int next(int node, double featureValue) {
        if (Double.isNaN(featureValue)) {
            return missing[node];
        }
        return (float) featureValue < threshold[node] ? yes[node] : no[node];
    }
}
