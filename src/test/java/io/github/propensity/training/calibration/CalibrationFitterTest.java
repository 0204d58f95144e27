// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training.calibration;

import io.github.propensity.model.IsotonicCalibrator;
import io.github.propensity.model.PlattCalibrator;
import io.github.propensity.model.Calibrator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.training.StratifiedSplits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.IntStream;

class CalibrationFitterTest {
    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Raw scores sigmoid(z) whose true probability is sigmoid(2z - 0.5): over-cautious and shifted. */
    private static Object[] distorted(int n, long seed) {
        Random random = new Random(seed);
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = 1.5 * random.nextGaussian();
            p[i] = sigmoid(z);
            y[i] = random.nextDouble() < sigmoid(2 * z - 0.5);
        }
        return new Object[]{p, y};
    }

    private static List<int[][]> fiveFolds(boolean[] outcomes, long seed) {
        return StratifiedSplits.kFold(outcomes, 5, seed);
    }

    @Test
    void plattRecoversAKnownLinearDistortionOfTheLogit() {
        Object[] data = distorted(20_000, 3);
        PlattCalibrator platt = CalibrationFitter.fitPlatt((double[]) data[0], (boolean[]) data[1]);
        assertEquals(2.0, platt.a(), 0.1);
        assertEquals(-0.5, platt.b(), 0.1);
    }

    @Test
    void poolAdjacentViolatorsGivesTheHandComputedBlocks() {
        // p = .1 .2 .3 .4 with y = 0 1 0 1: (.2,1) and (.3,0) violate and pool to mean 0.5 at centre 0.25.
        // Blocks: (0.1 -> 0), (0.25 -> 0.5), (0.4 -> 1).
        IsotonicCalibrator isotonic = CalibrationFitter.fitIsotonic(new double[]{0.1, 0.2, 0.3, 0.4}, new boolean[]{false, true, false, true});
        assertArrayEquals(new double[]{0.1, 0.25, 0.4}, isotonic.thresholds(), 1e-12);
        assertArrayEquals(new double[]{0.0, 0.5, 1.0}, isotonic.values(), 1e-12);
        // Between centres it interpolates; outside it clips, and never returns exactly 0 or 1.
        assertEquals(0.25, isotonic.calibrate(0.175), 1e-12);
        assertEquals(IsotonicCalibrator.MIN_OUTPUT, isotonic.calibrate(0.0), 1e-12);
        assertEquals(1 - IsotonicCalibrator.MIN_OUTPUT, isotonic.calibrate(0.9), 1e-12);
    }

    @Test
    void isotonicOutputIsMonotone() {
        Object[] data = distorted(5_000, 5);
        IsotonicCalibrator isotonic = CalibrationFitter.fitIsotonic((double[]) data[0], (boolean[]) data[1]);
        double previous = 0;
        for (int i = 0; i <= 1000; i++) {
            double value = isotonic.calibrate(i / 1000.0);
            assertTrue(value >= previous, "not monotone at " + i);
            previous = value;
        }
    }

    @Test
    void calibrationReducesLogLossOnHeldOutRows() {
        Object[] fit = distorted(10_000, 8);
        Object[] test = distorted(10_000, 9);
        double[] raw = (double[]) test[0];
        boolean[] outcomes = (boolean[]) test[1];
        Calibrator calibrator = CalibrationFitter.choose((double[]) fit[0], (boolean[]) fit[1], fiveFolds((boolean[]) fit[1], 1)).calibrator();
        double[] calibrated = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            calibrated[i] = calibrator.calibrate(raw[i]);
        }
        double before = BinaryEvaluator.evaluate(raw, outcomes).logLoss();
        double after = BinaryEvaluator.evaluate(calibrated, outcomes).logLoss();
        assertTrue(after < before - 0.01, "log loss " + before + " -> " + after);
        assertTrue(BinaryEvaluator.evaluate(calibrated, outcomes).ece() < 0.02);
    }

    @Test
    void choosesIsotonicForANonSigmoidDistortionWithPlentyOfData() {
        // True probability is a step from 0.1 to 0.7 at raw 0.5: a sigmoid of the logit runs from 0 to 1, so it
        // cannot plateau at both levels, while a monotone step is exactly what isotonic regression fits.
        Random random = new Random(4);
        int n = 20_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            double truth = p[i] < 0.5 ? 0.1 : 0.7;
            y[i] = random.nextDouble() < truth;
        }
        CalibrationChoice choice = CalibrationFitter.choose(p, y, fiveFolds(y, 2));
        assertInstanceOf(IsotonicCalibrator.class, choice.calibrator());
        assertTrue(choice.isotonicCvLogLoss() < choice.plattCvLogLoss());
    }

    @Test
    void choosesPlattForSmallData() {
        Object[] data = distorted(400, 6);
        CalibrationChoice choice = CalibrationFitter.choose((double[]) data[0], (boolean[]) data[1], fiveFolds((boolean[]) data[1], 2));
        assertInstanceOf(PlattCalibrator.class, choice.calibrator());
        assertTrue(choice.reason().contains("too few"), choice.reason());
    }

    @Test
    void bothCalibratorsSurviveAJsonRoundTrip() throws Exception {
        ObjectMapper json = JsonMappers.standard();
        Calibrator platt = new PlattCalibrator(1.5, -0.2);
        Calibrator isotonic = new IsotonicCalibrator(new double[]{0.1, 0.5}, new double[]{0.05, 0.6});
        assertEquals(platt, json.readValue(json.writeValueAsBytes(platt), Calibrator.class));
        assertEquals(isotonic, json.readValue(json.writeValueAsBytes(isotonic), Calibrator.class));
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationFitter.fitPlatt(new double[]{0.2, 0.3}, new boolean[]{true, true}));
        assertThrows(IllegalArgumentException.class, () -> CalibrationFitter.fitIsotonic(new double[]{0.2}, new boolean[]{true, false}));
        assertThrows(IllegalArgumentException.class, () -> new IsotonicCalibrator(new double[]{0.5, 0.1}, new double[]{0.1, 0.2}));
    }

    @Test
    void crossValidatedLossIsMeasuredOnTheFoldsItIsGiven() {
        Object[] data = distorted(3_000, 12);
        double[] p = (double[]) data[0];
        boolean[] y = (boolean[]) data[1];
        // Three folds by row position, unlike any shuffle: the loss must be the one of exactly these folds.
        List<int[][]> folds = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int held = f;
            folds.add(new int[][]{IntStream.range(0, p.length).filter(i -> i % 3 != held).toArray(),
                    IntStream.range(0, p.length).filter(i -> i % 3 == held).toArray()});
        }
        double expected = 0;
        for (int[][] fold : folds) {
            double[] trainP = Arrays.stream(fold[0]).mapToDouble(i -> p[i]).toArray();
            boolean[] trainY = new boolean[fold[0].length];
            for (int k = 0; k < trainY.length; k++) {
                trainY[k] = y[fold[0][k]];
            }
            PlattCalibrator platt = CalibrationFitter.fitPlatt(trainP, trainY);
            for (int i : fold[1]) {
                double q = platt.calibrate(p[i]);
                expected -= y[i] ? Math.log(q) : Math.log(1 - q);
            }
        }
        CalibrationChoice choice = CalibrationFitter.choose(p, y, folds);
        assertEquals(expected / p.length, choice.plattCvLogLoss(), 1e-12);
        assertTrue(choice.reason().contains("3-fold"), choice.reason());
    }

    @Test
    void rejectsFoldsThatDoNotHoldEveryRowOutExactlyOnce() {
        double[] p = {0.1, 0.4, 0.6, 0.9};
        boolean[] y = {false, true, false, true};
        List<int[][]> missingRow = List.of(new int[][]{{2, 3}, {0, 1}}, new int[][]{{0, 1}, {2}});
        List<int[][]> twice = List.of(new int[][]{{2, 3}, {0, 1}}, new int[][]{{0}, {1, 2, 3}});
        List<int[][]> trainsOnHeldOut = List.of(new int[][]{{1, 2, 3}, {0, 1}}, new int[][]{{0, 1}, {2, 3}});
        List<int[][]> outOfRange = List.of(new int[][]{{2, 3}, {0, 1}}, new int[][]{{0, 1}, {2, 3, 4}});
        List<int[][]> oneFold = List.<int[][]>of(new int[][]{{}, {0, 1, 2, 3}});
        for (List<int[][]> folds : List.of(missingRow, twice, trainsOnHeldOut, outOfRange, oneFold)) {
            assertThrows(IllegalArgumentException.class, () -> CalibrationFitter.choose(p, y, folds));
        }
    }
}
