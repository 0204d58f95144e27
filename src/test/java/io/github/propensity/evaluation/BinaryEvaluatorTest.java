// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryEvaluatorTest {
    private static final double EXACT = 1e-12;

    // Six rows. Positives at p = 0.9, 0.4 (tied with a negative), 0.2; negatives at 0.8, 0.4, 0.1.
    private static final double[] P = {0.9, 0.8, 0.4, 0.4, 0.2, 0.1};
    private static final boolean[] Y = {true, false, true, false, true, false};

    @Test
    void aucMatchesHandComputedValueWithTies() {
        // Pairs (positive, negative) with the positive scored higher, ties one half:
        // 0.9 beats 0.8, 0.4, 0.1 -> 3; 0.4 vs 0.8 loses, vs 0.4 ties (0.5), vs 0.1 wins -> 1.5;
        // 0.2 loses to 0.8 and 0.4, beats 0.1 -> 1. Total 5.5 of 9 pairs.
        assertEquals(5.5 / 9, BinaryEvaluator.evaluate(P, Y).auc(), EXACT);
    }

    @Test
    void averagePrecisionMatchesTheScikitLearnDefinition() {
        // Thresholds descending: 0.9 -> TP 1, k 1: P 1, R 1/3. 0.8 -> TP 1, k 2: P 1/2, R 1/3 (no recall step).
        // 0.4 (two rows) -> TP 2, k 4: P 1/2, R 2/3. 0.2 -> TP 3, k 5: P 3/5, R 1. 0.1 -> no recall step.
        // AP = 1/3 * 1 + 1/3 * 1/2 + 1/3 * 3/5 = 0.7
        assertEquals(0.7, BinaryEvaluator.evaluate(P, Y).prAuc(), EXACT);
    }

    @Test
    void logLossAndBrierMatchHandValues() {
        double expectedLogLoss = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.4) + Math.log(0.6) + Math.log(0.2) + Math.log(0.9)) / 6;
        double expectedBrier = (0.01 + 0.64 + 0.36 + 0.16 + 0.64 + 0.01) / 6;
        EvaluationReport report = BinaryEvaluator.evaluate(P, Y);
        assertEquals(expectedLogLoss, report.logLoss(), EXACT);
        assertEquals(expectedBrier, report.brier(), EXACT);
        assertEquals(0.5, report.baseRate(), EXACT);
    }

    @Test
    void eceWeighsEachBinsGapByItsShare() {
        // Bin [0.2,0.3): p 0.25, 0.25 with outcomes 1, 0 -> mean 0.25, rate 0.5, gap 0.25.
        // Bin [0.8,0.9): p 0.85 x2 with outcomes 1, 1 -> gap 0.15. ECE = 0.5 * 0.25 + 0.5 * 0.15 = 0.2.
        EvaluationReport report = BinaryEvaluator.evaluate(new double[]{0.25, 0.25, 0.85, 0.85}, new boolean[]{true, false, true, true});
        assertEquals(0.2, report.ece(), EXACT);
        assertEquals(2, report.calibration().get(2).rows());
        assertEquals(2, report.calibration().get(8).rows());
    }

    @Test
    void probabilityOfOneFallsInTheLastCalibrationBin() {
        EvaluationReport report = BinaryEvaluator.evaluate(new double[]{1.0, 0.0}, new boolean[]{true, false});
        assertEquals(1, report.calibration().get(9).rows());
        assertEquals(0.0, report.ece(), EXACT);
    }

    @Test
    void decilesPartitionRowsAndGainsReachOne() {
        double[] p = new double[23];
        boolean[] y = new boolean[23];
        for (int i = 0; i < p.length; i++) {
            p[i] = i / 23.0;
            y[i] = i >= 18;
        }
        EvaluationReport report = BinaryEvaluator.evaluate(p, y);
        int rows = report.deciles().stream().mapToInt(DecileRow::rows).sum();
        assertEquals(23, rows);
        assertEquals(3, report.deciles().get(0).rows());
        assertEquals(2, report.deciles().get(9).rows());
        assertEquals(1.0, report.deciles().get(9).cumulativeGain(), EXACT);
        // The top decile holds rows 22, 21, 20: all positive. Lift = 1 / (5/23).
        assertEquals(23.0 / 5, report.liftTopDecile(), EXACT);
    }

    @Test
    void perfectRankingGivesAucOneAndReversedGivesZero() {
        double[] p = {0.1, 0.2, 0.8, 0.9};
        assertEquals(1.0, BinaryEvaluator.evaluate(p, new boolean[]{false, false, true, true}).auc(), EXACT);
        assertEquals(0.0, BinaryEvaluator.evaluate(p, new boolean[]{true, true, false, false}).auc(), EXACT);
    }

    @Test
    void oneClassGivesNaNAucInsteadOfFailing() {
        assertTrue(Double.isNaN(BinaryEvaluator.evaluate(new double[]{0.2, 0.3}, new boolean[]{false, false}).auc()));
    }

    @Test
    void perfectlyCalibratedRandomScoresHaveTheTheoreticalAucAndSmallEce() {
        // p ~ U(0,1), y ~ Bernoulli(p): AUC = P(p1 > p0) with densities 2p (positives) and 2(1-p) (negatives):
        // integral of 2p * integral_0^p 2(1-q) dq dp = integral 2p (2p - p^2) dp = 4/3 - 1/2 = 5/6.
        Random random = new Random(11);
        int n = 50_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i];
        }
        EvaluationReport report = BinaryEvaluator.evaluate(p, y);
        assertEquals(5.0 / 6, report.auc(), 0.01);
        assertTrue(report.ece() < 0.02, "ECE " + report.ece());
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> BinaryEvaluator.evaluate(new double[]{0.5}, new boolean[]{true, false}));
        assertThrows(IllegalArgumentException.class, () -> BinaryEvaluator.evaluate(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> BinaryEvaluator.evaluate(new double[]{1.5}, new boolean[]{true}));
        assertThrows(IllegalArgumentException.class, () -> BinaryEvaluator.evaluate(new double[]{Double.NaN}, new boolean[]{true}));
    }
}
