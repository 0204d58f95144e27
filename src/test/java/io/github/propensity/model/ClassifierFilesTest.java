// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.storage.BundleException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The format-2 classifier files read back exactly what was written, and refuse what they did not write. */
class ClassifierFilesTest {
    private static final String STUMP = "{\"nodeid\":0,\"depth\":0,\"split\":\"f1\",\"split_condition\":0.5,\"yes\":1,\"no\":2,"
            + "\"missing\":1,\"gain\":3.0,\"cover\":10.0,\"children\":[{\"nodeid\":1,\"leaf\":-0.2,\"cover\":6.0},"
            + "{\"nodeid\":2,\"leaf\":0.3,\"cover\":4.0}]}";

    @Test
    void boostedTreesRoundTripAndScoreFromTheBaseMargin() {
        BoostedTrees trees = new BoostedTrees(0.25, List.of(STUMP, STUMP));
        BoostedTrees read = BoostedTrees.parse(trees.serialize());
        assertEquals(0.25, read.baseScore());
        assertEquals(2, read.rounds());
        assertArrayEquals(trees.serialize(), read.serialize());
        CompiledScorer scorer = read.compile(new String[]{"a", "b"});
        double base = Math.log(0.25 / 0.75);
        assertEquals(base - 0.4, scorer.logOdds(new double[]{0, 0.1}), 1e-12);
        assertEquals(base + 0.6, scorer.logOdds(new double[]{0, 0.9}), 1e-12);
        // A split exactly on the threshold goes right ("no"), as in XGBoost: x < threshold is "yes".
        assertEquals(base + 0.6, scorer.logOdds(new double[]{0, 0.5}), 1e-12);
    }

    /** Rows kept in floats (the lookalike pool) score exactly as the same values widened to doubles. */
    @Test
    void floatRowsScoreAsTheirDoubleWidening() {
        CompiledScorer trees = new BoostedTrees(0.4, List.of(STUMP, STUMP.replace("0.5", "0.25"))).compile(new String[]{"a", "b"});
        CompiledScorer linear = new LinearModel(List.of("a", "b"), new double[]{0.7, -1.3}, 0.2).compile(new String[]{"a", "b"});
        java.util.Random random = new java.util.Random(5);
        double[] contributionsOfFloats = new double[2];
        double[] contributionsOfDoubles = new double[2];
        for (int i = 0; i < 1000; i++) {
            float[] row = {(float) random.nextGaussian(), random.nextFloat()};
            double[] widened = {row[0], row[1]};
            for (CompiledScorer scorer : List.of(trees, linear)) {
                assertEquals(scorer.logOdds(widened), scorer.logOdds(row), 0.0);
                assertEquals(scorer.explain(widened, contributionsOfDoubles), scorer.explain(row, contributionsOfFloats), 0.0);
                assertArrayEquals(contributionsOfDoubles, contributionsOfFloats, 0.0);
            }
        }
    }

    @Test
    void treesThatSplitOnAColumnTheSchemaLacksAreRefused() {
        BoostedTrees trees = new BoostedTrees(0.5, List.of(STUMP));
        BundleException error = assertThrows(BundleException.class, () -> trees.compile(new String[]{"only"}));
        assertTrue(error.getMessage().contains("f1"), error.getMessage());
    }

    @Test
    void damagedOrForeignFilesAreRefusedWithTheReason() {
        assertThrows(BundleException.class, () -> BoostedTrees.parse("not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BundleException.class, () -> BoostedTrees.parse("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
        String miscounted = new String(new BoostedTrees(0.5, List.of(STUMP)).serialize(), StandardCharsets.UTF_8).replace("\"rounds\":1", "\"rounds\":2");
        BundleException error = assertThrows(BundleException.class, () -> BoostedTrees.parse(miscounted.getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains("1 trees"), error.getMessage());
        assertThrows(BundleException.class, () -> LinearModel.parse("{\"format\":\"xgboost\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linearModelsRoundTripAndCheckTheirFeatures() {
        LinearModel linear = new LinearModel(List.of("a", "b"), new double[]{0.5, -2}, 0.1);
        LinearModel read = LinearModel.parse(linear.serialize());
        assertArrayEquals(linear.coefficients(), read.coefficients());
        assertEquals(0.1 + 0.5 * 2 - 2 * 3, read.compile(new String[]{"a", "b"}).logOdds(new double[]{2, 3}), 1e-12);
        assertThrows(BundleException.class, () -> read.compile(new String[]{"b", "a"}));
    }

    @Test
    void aBundleHoldsExactlyOneClassifierFile() {
        assertEquals(BundleFiles.TREES, BundleFiles.classifierAmong(List.of(BundleFiles.FEATURES, BundleFiles.TREES)).orElseThrow());
        assertTrue(BundleFiles.classifierAmong(List.of(BundleFiles.TREES, BundleFiles.MODEL)).isEmpty());
        assertTrue(BundleFiles.classifierAmong(List.of(BundleFiles.FEATURES)).isEmpty());
    }
}
