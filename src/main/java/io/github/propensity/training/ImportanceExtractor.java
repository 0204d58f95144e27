// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.FeatureSchema;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.model.BoostedTrees;
import io.github.propensity.model.LinearModel;
import io.github.propensity.model.TrainedClassifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-column importance of a trained model, the "top drivers" of its card. */
final class ImportanceExtractor {
    private ImportanceExtractor() {
    }

    static List<FeatureImportance> extract(TrainedClassifier classifier, FeatureSchema schema) {
        Map<String, Double> byFeature = new HashMap<>();
        Map<String, Double> signedByFeature = new HashMap<>();
        if (classifier instanceof BoostedTrees trees) {
            totalGain(trees, schema.featureNames(), byFeature);
            return byColumn(byFeature, signedByFeature, schema);
        }
        if (classifier instanceof LinearModel linear) {
            double[] coefficients = linear.coefficients();
            for (int j = 0; j < coefficients.length; j++) {
                byFeature.put(linear.featureNames().get(j), Math.abs(coefficients[j]));
                signedByFeature.put(linear.featureNames().get(j), coefficients[j]);
            }
            return byColumn(byFeature, signedByFeature, schema);
        }
        throw new IllegalArgumentException("no importance for a " + classifier.getClass().getSimpleName() + "; training makes boosted trees or linear models");
    }

    /** XGBoost's "total gain": the loss reduction of every split on a feature, summed over the trees. */
    private static void totalGain(BoostedTrees trees, List<String> featureNames, Map<String, Double> byFeature) {
        for (JsonNode root : trees.trees()) {
            addGain(root, featureNames, byFeature);
        }
    }

    private static void addGain(JsonNode node, List<String> featureNames, Map<String, Double> byFeature) {
        if (node.has("split")) {
            int feature = Integer.parseInt(node.get("split").asText().substring(1));
            byFeature.merge(featureNames.get(feature), node.path("gain").asDouble(), Double::sum);
        }
        for (JsonNode child : node.path("children")) {
            addGain(child, featureNames, byFeature);
        }
    }

    private static List<FeatureImportance> byColumn(Map<String, Double> byFeature, Map<String, Double> signedByFeature, FeatureSchema schema) {
        double total = byFeature.values().stream().mapToDouble(Double::doubleValue).sum();
        List<FeatureImportance> result = new ArrayList<>();
        for (FeatureColumn column : schema.columns()) {
            double sum = 0;
            String top = null;
            double topValue = -1;
            for (String feature : column.featureNames()) {
                double value = byFeature.getOrDefault(feature, 0.0);
                sum += value;
                if (value > topValue) {
                    topValue = value;
                    top = feature;
                }
            }
            String direction = "";
            if (!signedByFeature.isEmpty() && top != null) {
                direction = signedByFeature.getOrDefault(top, 0.0) >= 0 ? "+" : "-";
            }
            result.add(new FeatureImportance(column.name(), total > 0 ? sum / total : 0, top, direction));
        }
        result.sort(Comparator.comparingDouble(FeatureImportance::share).reversed());
        return result;
    }
}
