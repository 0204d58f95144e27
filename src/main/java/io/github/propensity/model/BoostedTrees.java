// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient-boosted trees trained with XGBoost's {@code binary:logistic} objective: the log-odds are
 * {@code logit(baseScore)} plus one tree's leaf value per round. The trees are kept in XGBoost's own JSON dump form
 * ({@code nodeid}, {@code split} as {@code f<column>}, {@code split_condition}, {@code yes}/{@code no}, {@code leaf},
 * {@code gain} and {@code cover}), cut at the round early stopping chose, with column {@code f<j>} the encoder's
 * j-th feature. Scoring needs only this file, not XGBoost's native library.
 *
 * @param treeDumps one JSON tree per round, as XGBoost dumped it
 */
public record BoostedTrees(double baseScore, List<String> treeDumps) implements TrainedClassifier {
    public static final String FORMAT = "xgboost-binary-logistic-trees";

    public BoostedTrees {
        if (!(baseScore > 0 && baseScore < 1)) {
            throw new IllegalArgumentException("base score must lie strictly between 0 and 1, got " + baseScore);
        }
        treeDumps = List.copyOf(treeDumps);
        if (treeDumps.isEmpty()) {
            throw new IllegalArgumentException("boosted trees need at least one tree");
        }
    }

    public int rounds() {
        return treeDumps.size();
    }

    /** The model of the first {@code rounds} rounds (XGBoost's {@code iteration_range}). */
    public BoostedTrees firstRounds(int rounds) {
        if (rounds < 1 || rounds > treeDumps.size()) {
            throw new IllegalArgumentException("cannot keep " + rounds + " of " + treeDumps.size() + " rounds");
        }
        return rounds == treeDumps.size() ? this : new BoostedTrees(baseScore, treeDumps.subList(0, rounds));
    }

    /** The log-odds every tree adds to. */
    public double baseMargin() {
        return Math.log(baseScore / (1 - baseScore));
    }

    public List<JsonNode> trees() {
        List<JsonNode> trees = new ArrayList<>(treeDumps.size());
        for (String dump : treeDumps) {
            trees.add(ClassifierJson.tree(dump));
        }
        return trees;
    }

    @Override
    public String bundleFile() {
        return BundleFiles.TREES;
    }

    @Override
    public byte[] serialize() {
        ObjectNode root = ClassifierJson.document(FORMAT);
        root.put("objective", "binary:logistic");
        root.put("base_score", baseScore);
        root.put("rounds", rounds());
        ArrayNode trees = root.putArray("trees");
        trees().forEach(trees::add);
        return ClassifierJson.write(root);
    }

    /** Reads {@link #serialize()}'s form; a file of another form or a damaged one is a {@link BundleException}. */
    public static BoostedTrees parse(byte[] bytes) {
        JsonNode root = ClassifierJson.read(bytes, FORMAT, "the trees file");
        List<String> dumps = new ArrayList<>();
        for (JsonNode tree : root.path("trees")) {
            dumps.add(tree.toString());
        }
        if (dumps.size() != root.path("rounds").asInt(-1)) {
            throw new BundleException("the trees file holds " + dumps.size() + " trees but says " + root.path("rounds"));
        }
        try {
            return new BoostedTrees(root.path("base_score").asDouble(Double.NaN), dumps);
        } catch (IllegalArgumentException e) {
            throw new BundleException("the trees file is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public CompiledScorer compile(String[] featureNames) {
        return ScorerCompiler.compile(this, featureNames.length);
    }
}
