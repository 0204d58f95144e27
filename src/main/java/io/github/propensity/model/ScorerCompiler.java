// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flattens the Tribuo models this project trains into {@link CompiledScorer}s over the encoder's feature order. */
public final class ScorerCompiler {
    private ScorerCompiler() {
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
        TreeArrays arrays = new TreeArrays();
        ObjectMapper json = new ObjectMapper();
        double[] signs = new double[dump.length];
        int[] roots = new int[dump.length];
        for (int t = 0; t < dump.length; t++) {
            // Softmax boosting grows one tree per class per round, in class order.
            signs[t] = t % classes == positiveClass ? 1.0 : -1.0;
            try {
                roots[t] = arrays.add(json.readTree(dump[t]), encoderIndexOfId);
            } catch (JsonProcessingException e) {
                throw new BundleException("unreadable XGBoost tree dump: " + e.getMessage(), e);
            }
        }
        return arrays.build(roots, signs);
    }

    /** Growing node arrays; node ids of each tree are remapped to global positions. */
    private static final class TreeArrays {
        private final List<Integer> feature = new ArrayList<>();
        private final List<Float> threshold = new ArrayList<>();
        private final List<Integer> yes = new ArrayList<>();
        private final List<Integer> no = new ArrayList<>();
        private final List<Integer> missing = new ArrayList<>();
        private final List<Double> value = new ArrayList<>();
        private final List<Boolean> leaf = new ArrayList<>();
        private final List<Double> cover = new ArrayList<>();

        int add(JsonNode root, int[] encoderIndexOfId) {
            Map<Integer, JsonNode> byId = new HashMap<>();
            collect(root, byId);
            int base = feature.size();
            for (int id = 0; id < byId.size(); id++) {
                JsonNode node = byId.get(id);
                if (node == null) {
                    throw new BundleException("XGBoost tree dump has a gap at node " + id);
                }
                cover.add(node.path("cover").asDouble());
                if (node.has("leaf")) {
                    feature.add(0);
                    threshold.add(0f);
                    yes.add(-1);
                    no.add(-1);
                    missing.add(-1);
                    value.add(node.get("leaf").asDouble());
                    leaf.add(true);
                } else {
                    feature.add(encoderIndexOfId[Integer.parseInt(node.get("split").asText().substring(1))]);
                    threshold.add((float) node.get("split_condition").asDouble());
                    yes.add(base + node.get("yes").asInt());
                    no.add(base + node.get("no").asInt());
                    missing.add(base + node.get("missing").asInt());
                    value.add(Double.NaN);
                    leaf.add(false);
                }
            }
            fillExpectedValue(base);
            return base;
        }

        private static void collect(JsonNode node, Map<Integer, JsonNode> byId) {
            byId.put(node.get("nodeid").asInt(), node);
            for (JsonNode child : node.path("children")) {
                collect(child, byId);
            }
        }

        /** An inner node's value is the cover-weighted mean of its children's, computed bottom-up. */
        private double fillExpectedValue(int node) {
            if (leaf.get(node)) {
                return value.get(node);
            }
            double left = fillExpectedValue(yes.get(node));
            double right = fillExpectedValue(no.get(node));
            double leftCover = cover.get(yes.get(node));
            double rightCover = cover.get(no.get(node));
            double total = leftCover + rightCover;
            double expected = total > 0 ? (left * leftCover + right * rightCover) / total : (left + right) / 2;
            value.set(node, expected);
            return expected;
        }

        TreeEnsembleScorer build(int[] roots, double[] signs) {
            int n = feature.size();
            int[] featureArray = new int[n];
            float[] thresholdArray = new float[n];
            int[] yesArray = new int[n];
            int[] noArray = new int[n];
            int[] missingArray = new int[n];
            double[] valueArray = new double[n];
            boolean[] leafArray = new boolean[n];
            for (int i = 0; i < n; i++) {
                featureArray[i] = feature.get(i);
                thresholdArray[i] = threshold.get(i);
                yesArray[i] = yes.get(i);
                noArray[i] = no.get(i);
                missingArray[i] = missing.get(i);
                valueArray[i] = value.get(i);
                leafArray[i] = leaf.get(i);
            }
            return new TreeEnsembleScorer(roots, signs, featureArray, thresholdArray, yesArray, noArray, missingArray,
                    valueArray, leafArray);
        }
    }
}
