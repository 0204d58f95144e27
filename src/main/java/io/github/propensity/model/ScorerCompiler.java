// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.math.la.DenseMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens trained classifiers into {@link CompiledScorer}s over the encoder's feature order: the project's
 * {@link BoostedTrees}, and the Tribuo models (logistic regression, and the two-class softmax XGBoost of format-1
 * bundles).
 */
public final class ScorerCompiler {
    private ScorerCompiler() {
    }

    /** Boosted trees whose split {@code f<j>} is the encoder's j-th of {@code width} features. */
    static TreeEnsembleScorer compile(BoostedTrees model, int width) {
        int[] identity = new int[width];
        for (int j = 0; j < width; j++) {
            identity[j] = j;
        }
        List<JsonNode> roots = model.trees();
        double[] signs = new double[roots.size()];
        Arrays.fill(signs, 1.0);
        return arrange(roots, identity).build(signs, model.baseMargin());
    }

    public static CompiledScorer compile(Model<Label> model, String[] featureNames) {
        int[] encoderIndexOfId = encoderIndexOfId(model.getFeatureIDMap(), featureNames);
        if (model instanceof LinearSGDModel linear) {
            return linear(linear, encoderIndexOfId, featureNames.length);
        }
        if (model instanceof XGBoostModel<Label> xgboost) {
            return trees(xgboost, encoderIndexOfId);
        }
        throw new BundleException("cannot score a " + model.getClass().getSimpleName() + "; expected logistic regression or XGBoost");
    }

    private static int[] encoderIndexOfId(ImmutableFeatureMap featureMap, String[] featureNames) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < featureNames.length; i++) {
            position.put(featureNames[i], i);
        }
        int[] index = new int[featureMap.size()];
        for (int id = 0; id < featureMap.size(); id++) {
            Integer encoderIndex = position.get(featureMap.get(id).getName());
            if (encoderIndex == null) {
                throw new BundleException("the model uses feature '" + featureMap.get(id).getName() + "', which the feature schema does not produce");
            }
            index[id] = encoderIndex;
        }
        return index;
    }

    private static LinearScorer linear(LinearSGDModel model, int[] encoderIndexOfId, int width) {
        DenseMatrix weights = model.getWeightsCopy();
        int positive = model.getOutputIDInfo().getID(TribuoClassifier.POSITIVE);
        int negative = model.getOutputIDInfo().getID(TribuoClassifier.NEGATIVE);
        double[] coefficients = new double[width];
        for (int id = 0; id < encoderIndexOfId.length; id++) {
            coefficients[encoderIndexOfId[id]] = weights.get(positive, id) - weights.get(negative, id);
        }
        int bias = weights.getDimension2Size() - 1;
        return new LinearScorer(coefficients, weights.get(positive, bias) - weights.get(negative, bias));
    }

    private static TreeEnsembleScorer trees(XGBoostModel<Label> model, int[] encoderIndexOfId) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1) {
            throw new BundleException("expected one XGBoost booster, found " + boosters.size());
        }
        String[] dump;
        try {
            dump = boosters.get(0).getModelDump((String) null, true, "json");
        } catch (XGBoostError e) {
            throw new BundleException("XGBoost could not dump its trees: " + e.getMessage(), e);
        } finally {
            boosters.get(0).dispose();
        }
        int positiveClass = model.getOutputIDInfo().getID(TribuoClassifier.POSITIVE);
        int classes = model.getOutputIDInfo().size();
        ObjectMapper json = new ObjectMapper();
        double[] signs = new double[dump.length];
        List<JsonNode> roots = new ArrayList<>();
        for (int t = 0; t < dump.length; t++) {
            // Softmax boosting grows one tree per class per round, in class order.
            signs[t] = t % classes == positiveClass ? 1.0 : -1.0;
            try {
                roots.add(json.readTree(dump[t]));
            } catch (JsonProcessingException e) {
                throw new BundleException("unreadable XGBoost tree dump: " + e.getMessage(), e);
            }
        }
        // Tribuo's softmax starts both classes at the same margin, which cancels in the positive-class log-odds.
        return arrange(roots, encoderIndexOfId).build(signs, 0.0);
    }

    private static TreeArrays arrange(List<JsonNode> roots, int[] encoderIndexOfFeature) {
        int depth = 0;
        for (JsonNode root : roots) {
            depth = Math.max(depth, TreeArrays.depthOf(root));
        }
        TreeArrays arrays = new TreeArrays(depth);
        for (JsonNode root : roots) {
            arrays.add(root, encoderIndexOfFeature);
        }
        return arrays;
    }

    /**
     * Collects trees as complete binary trees of one depth: each tree's nodes are re-laid in breadth-first
     * positions, and a leaf above that depth becomes a chain of always-left splits holding its value.
     */
    private static final class TreeArrays {
        private final int depth;
        private final List<Integer> feature = new ArrayList<>();
        private final List<Float> threshold = new ArrayList<>();
        private final List<Double> innerValue = new ArrayList<>();
        private final List<Double> leafValue = new ArrayList<>();

        TreeArrays(int depth) {
            this.depth = depth;
        }

        void add(JsonNode root, int[] encoderIndexOfId) {
            int inner = (1 << depth) - 1;
            int[] featureSlots = new int[inner];
            float[] thresholdSlots = new float[inner];
            double[] innerSlots = new double[inner];
            double[] leafSlots = new double[1 << depth];
            place(root, 0, 0, depth, encoderIndexOfId, featureSlots, thresholdSlots, innerSlots, leafSlots);
            for (int i = 0; i < inner; i++) {
                feature.add(featureSlots[i]);
                threshold.add(thresholdSlots[i]);
                innerValue.add(innerSlots[i]);
            }
            for (double value : leafSlots) {
                leafValue.add(value);
            }
        }

        static int depthOf(JsonNode node) {
            int deepest = 0;
            for (JsonNode child : node.path("children")) {
                deepest = Math.max(deepest, 1 + depthOf(child));
            }
            return deepest;
        }
        /** Places a subtree at breadth-first position {@code slot} (level {@code level}); returns its expected value and cover. */
        private static double[] place(JsonNode node, int slot, int level, int depth, int[] encoderIndexOfId, int[] featureSlots,
                                      float[] thresholdSlots, double[] innerSlots, double[] leafSlots) {
            int inner = (1 << depth) - 1;
            double cover = node.path("cover").asDouble();
            if (level == depth) {
                if (!node.has("leaf")) {
                    throw new BundleException("XGBoost tree deeper than measured");
                }
                leafSlots[slot - inner] = node.get("leaf").asDouble();
                return new double[]{leafSlots[slot - inner], cover};
            }
            if (node.has("leaf")) {
                // Pad: an always-left split (nothing is below +infinity) carrying the leaf's value down.
                featureSlots[slot] = 0;
                thresholdSlots[slot] = Float.POSITIVE_INFINITY;
                double[] left = place(node, 2 * slot + 1, level + 1, depth, encoderIndexOfId, featureSlots, thresholdSlots, innerSlots, leafSlots);
                fillUnreachable(2 * slot + 2, level + 1, depth, left[0], featureSlots, thresholdSlots, innerSlots, leafSlots);
                innerSlots[slot] = left[0];
                return new double[]{left[0], cover};
            }
            featureSlots[slot] = featureIndex(node.get("split").asText(), encoderIndexOfId);
            thresholdSlots[slot] = (float) node.get("split_condition").asDouble();
            JsonNode yes = child(node, node.get("yes").asInt());
            JsonNode no = child(node, node.get("no").asInt());
            double[] left = place(yes, 2 * slot + 1, level + 1, depth, encoderIndexOfId, featureSlots, thresholdSlots, innerSlots, leafSlots);
            double[] right = place(no, 2 * slot + 2, level + 1, depth, encoderIndexOfId, featureSlots, thresholdSlots, innerSlots, leafSlots);
            double total = left[1] + right[1];
            innerSlots[slot] = total > 0 ? (left[0] * left[1] + right[0] * right[1]) / total : (left[0] + right[0]) / 2;
            return new double[]{innerSlots[slot], cover};
        }

        private static void fillUnreachable(int slot, int level, int depth, double value, int[] featureSlots, float[] thresholdSlots,
                                            double[] innerSlots, double[] leafSlots) {
            int inner = (1 << depth) - 1;
            if (level == depth) {
                leafSlots[slot - inner] = value;
                return;
            }
            featureSlots[slot] = 0;
            thresholdSlots[slot] = Float.POSITIVE_INFINITY;
            innerSlots[slot] = value;
            fillUnreachable(2 * slot + 1, level + 1, depth, value, featureSlots, thresholdSlots, innerSlots, leafSlots);
            fillUnreachable(2 * slot + 2, level + 1, depth, value, featureSlots, thresholdSlots, innerSlots, leafSlots);
        }

        private static int featureIndex(String split, int[] encoderIndexOfFeature) {
            int feature;
            try {
                feature = Integer.parseInt(split.substring(1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new BundleException("XGBoost tree splits on '" + split + "', not on a column f<number>");
            }
            if (!split.startsWith("f") || feature < 0 || feature >= encoderIndexOfFeature.length) {
                throw new BundleException("XGBoost tree splits on '" + split + "', which the feature schema does not produce");
            }
            return encoderIndexOfFeature[feature];
        }

        private static JsonNode child(JsonNode node, int id) {
            for (JsonNode child : node.path("children")) {
                if (child.get("nodeid").asInt() == id) {
                    return child;
                }
            }
            throw new BundleException("XGBoost tree dump lacks node " + id);
        }

        TreeEnsembleScorer build(double[] signs, double baseMargin) {
            return new TreeEnsembleScorer(depth, signs, baseMargin, ints(feature), floats(threshold), doubles(innerValue), doubles(leafValue));
        }

        private static int[] ints(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private static float[] floats(List<Float> values) {
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i);
            }
            return array;
        }

        private static double[] doubles(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
