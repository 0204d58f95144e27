// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric on a base far past the sizes where {@code int} products of counts wrap (46,341 positives squared),
 * checked against computations written differently: scores take few distinct levels, so the expected figures
 * come from per-level counts in {@code long} (AUC as an exact pair count, average precision per threshold), from
 * direct bin sums (calibration, ECE) and from a sorted copy of the rows (deciles).
 */
class MetricsAtScaleTest {
    /** Not a multiple of ten, so decile sizes differ by one. */
    private static final int ROWS = 600_007;
    /** Level l scores (l + 0.5) / 40, never on a bin edge; the last level scores exactly 1. */
    private static final int LEVELS = 41;
    private static final double RELATIVE = 1e-9;

    private static double[] levelValue;
    private static int[] level;
    private static double[] probabilities;
    private static boolean[] outcomes;
    private static long[] positivesAt;
    private static long[] negativesAt;
    private static long positives;
    private static EvaluationReport report;

    @BeforeAll
    static void generateABaseWithMoreThan200000Positives() {
        levelValue = new double[LEVELS];
        for (int l = 0; l < LEVELS - 1; l++) {
            levelValue[l] = (l + 0.5) / (LEVELS - 1);
        }
        levelValue[LEVELS - 1] = 1.0;
        Random random = new Random(20_240_612);
        level = new int[ROWS];
        probabilities = new double[ROWS];
        outcomes = new boolean[ROWS];
        positivesAt = new long[LEVELS];
        negativesAt = new long[LEVELS];
        for (int i = 0; i < ROWS; i++) {
            level[i] = random.nextInt(LEVELS);
            probabilities[i] = levelValue[level[i]];
            // Miscalibrated on purpose (true rate 0.1 + 0.7 p), so ECE and the calibration table are not trivial.
            outcomes[i] = random.nextDouble() < 0.1 + 0.7 * probabilities[i];
            if (outcomes[i]) {
                positivesAt[level[i]]++;
            } else {
                negativesAt[level[i]]++;
            }
        }
        positives = Arrays.stream(positivesAt).sum();
        assertTrue(positives > 200_000, "the test needs a base past int overflow: " + positives + " positives");
        report = BinaryEvaluator.evaluate(probabilities, outcomes);
    }

    @Test
    void countsRowsPositivesAndBaseRate() {
        assertEquals(ROWS, report.rows());
        assertEquals(positives, report.positives());
        assertEquals((double) positives / ROWS, report.baseRate(), 1e-15);
    }

    @Test
    void aucIsTheExactPairCountOverScoreLevels() {
        assertEquals(exactAuc(), report.auc(), 1e-12);
    }

    @Test
    void aucOfAnyScoreScaleIsTheSameExactPairCount() {
        // Baselines rank raw columns: an affine rescaling (and -Infinity for the lowest level) keeps the ranking.
        double[] scores = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            scores[i] = level[i] == 0 ? Double.NEGATIVE_INFINITY : 7.0 * level[i] - 100;
        }
        assertEquals(exactAuc(), BinaryEvaluator.auc(scores, outcomes), 1e-12);
    }

    @Test
    void averagePrecisionSumsPrecisionTimesRecallStepAtEachLevel() {
        double expected = 0;
        long truePositives = 0;
        long predicted = 0;
        for (int l = LEVELS - 1; l >= 0; l--) {
            truePositives += positivesAt[l];
            predicted += positivesAt[l] + negativesAt[l];
            expected += (double) positivesAt[l] / positives * truePositives / predicted;
        }
        assertEquals(expected, report.prAuc(), RELATIVE * expected);
    }

    @Test
    void logLossAndBrierAreLevelWeightedMeans() {
        double logLoss = 0;
        double brier = 0;
        for (int l = 0; l < LEVELS; l++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, levelValue[l]));
            logLoss += positivesAt[l] * -Math.log(p) + negativesAt[l] * -Math.log(1 - p);
            brier += positivesAt[l] * Math.pow(1 - levelValue[l], 2) + negativesAt[l] * Math.pow(levelValue[l], 2);
        }
        assertEquals(logLoss / ROWS, report.logLoss(), RELATIVE * logLoss / ROWS);
        assertEquals(brier / ROWS, report.brier(), RELATIVE * brier / ROWS);
    }

    @Test
    void calibrationBinsAndEceComeFromDirectBinSums() {
        long[] rows = new long[10];
        long[] binPositives = new long[10];
        double[] probabilitySums = new double[10];
        for (int l = 0; l < LEVELS; l++) {
            int bin = 0;
            while (bin < 9 && levelValue[l] >= (bin + 1) / 10.0) {
                bin++;
            }
            rows[bin] += positivesAt[l] + negativesAt[l];
            binPositives[bin] += positivesAt[l];
            probabilitySums[bin] += levelValue[l] * (positivesAt[l] + negativesAt[l]);
        }
        double ece = 0;
        List<CalibrationBin> bins = report.calibration();
        for (int b = 0; b < 10; b++) {
            double meanPredicted = probabilitySums[b] / rows[b];
            double observedRate = (double) binPositives[b] / rows[b];
            assertEquals(rows[b], bins.get(b).rows(), "rows in bin " + b);
            assertEquals(meanPredicted, bins.get(b).meanPredicted(), RELATIVE, "mean probability in bin " + b);
            assertEquals(observedRate, bins.get(b).observedRate(), 1e-15, "positive rate in bin " + b);
            ece += (double) rows[b] / ROWS * Math.abs(meanPredicted - observedRate);
        }
        assertEquals(ece, report.ece(), RELATIVE * ece);
    }

    @Test
    void decilesMatchASortedCopyWithTiesInInputOrder() {
        // Sort key: level descending, then row index ascending (the evaluator keeps tied rows in input order).
        long[] keys = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            keys[i] = (long) (LEVELS - 1 - level[i]) * ROWS + i;
        }
        Arrays.sort(keys);
        double baseRate = (double) positives / ROWS;
        long cumulativePositives = 0;
        for (int d = 0; d < 10; d++) {
            // Sizes differ by at most one, the first ROWS % 10 deciles taking the extra row.
            int start = d * (ROWS / 10) + Math.min(d, ROWS % 10);
            int end = start + ROWS / 10 + (d < ROWS % 10 ? 1 : 0);
            long decilePositives = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = start; k < end; k++) {
                int row = (int) (keys[k] % ROWS);
                double p = probabilities[row];
                decilePositives += outcomes[row] ? 1 : 0;
                sum += p;
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            cumulativePositives += decilePositives;
            int size = end - start;
            DecileRow row = report.deciles().get(d);
            String where = "decile " + (d + 1);
            assertEquals(size, row.rows(), where);
            assertEquals(decilePositives, row.positives(), where);
            assertEquals(min, row.minProbability(), 0, where);
            assertEquals(max, row.maxProbability(), 0, where);
            assertEquals(sum / size, row.meanProbability(), RELATIVE, where);
            assertEquals((double) decilePositives / size, row.positiveRate(), 1e-15, where);
            assertEquals((double) decilePositives / size / baseRate, row.lift(), RELATIVE, where);
            assertEquals((double) cumulativePositives / positives, row.cumulativeGain(), 1e-15, where);
            assertEquals((double) cumulativePositives / end / baseRate, row.cumulativeLift(), RELATIVE, where);
        }
        assertEquals(report.deciles().get(0).lift(), report.liftTopDecile());
        assertEquals(1.0, report.deciles().get(9).cumulativeGain(), 1e-15);
    }

    /** 2U = sum over levels of 2 x positives x negatives below + positives x negatives tied, in long. */
    private static double exactAuc() {
        long twiceU = 0;
        long negativesBelow = 0;
        for (int l = 0; l < LEVELS; l++) {
            twiceU += 2 * positivesAt[l] * negativesBelow + positivesAt[l] * negativesAt[l];
            negativesBelow += negativesAt[l];
        }
        long negatives = ROWS - positives;
        return twiceU / 2.0 / positives / negatives;
    }
}
