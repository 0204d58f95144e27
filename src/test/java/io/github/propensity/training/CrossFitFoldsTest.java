// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.stream.IntStream;

/** The folds the trainer cross-fits on and compares calibrators on. */
class CrossFitFoldsTest {
    private static final int CUSTOMERS = 4_000;

    @Test
    void calibrationFoldsNeverSplitACustomersRowsBetweenTrainingAndHeldOutParts() {
        Stacked data = stacked(5);
        List<int[][]> folds = PropensityTrainer.crossFitFolds(data.outcomes, data.groups, 42);
        assertEquals(PropensityTrainer.CALIBRATION_FOLDS, folds.size());
        int[] heldOutTimes = new int[data.outcomes.length];
        for (int[][] fold : folds) {
            Set<Integer> trainingCustomers = new HashSet<>();
            for (int row : fold[0]) {
                trainingCustomers.add(data.groups[row]);
            }
            for (int row : fold[1]) {
                heldOutTimes[row]++;
                assertFalse(trainingCustomers.contains(data.groups[row]),
                        "customer " + data.groups[row] + " has rows on both sides of a fold");
            }
            assertEquals(data.outcomes.length, fold[0].length + fold[1].length);
        }
        for (int times : heldOutTimes) {
            assertEquals(1, times);
        }
    }

    @Test
    void calibrationFoldsKeepEachHeldOutPartsPositiveShareCloseToTheOverallShare() {
        Stacked data = stacked(6);
        double overall = share(data.outcomes, IntStream.range(0, data.outcomes.length).toArray());
        for (int[][] fold : PropensityTrainer.crossFitFolds(data.outcomes, data.groups, 7)) {
            double heldOut = share(data.outcomes, fold[1]);
            assertEquals(overall, heldOut, 0.02, "held-out positive share " + heldOut + " vs overall " + overall);
        }
    }

    /** One to four rows per customer (cut-offs stacked); a customer's churn tendency carries over its rows. */
    private static Stacked stacked(long seed) {
        Random random = new Random(seed);
        List<Integer> groups = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            int rows = 1 + random.nextInt(4);
            double rate = random.nextDouble() < 0.3 ? 0.6 : 0.05;
            for (int r = 0; r < rows; r++) {
                groups.add(customer);
                outcomes.add(random.nextDouble() < rate);
            }
        }
        boolean[] y = new boolean[outcomes.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = outcomes.get(i);
        }
        return new Stacked(groups.stream().mapToInt(Integer::intValue).toArray(), y);
    }

    private static double share(boolean[] outcomes, int[] rows) {
        long positives = 0;
        for (int row : rows) {
            positives += outcomes[row] ? 1 : 0;
        }
        return (double) positives / rows.length;
    }

    private record Stacked(int[] groups, boolean[] outcomes) {
    }
}
