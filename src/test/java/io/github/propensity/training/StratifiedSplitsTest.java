// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;

class StratifiedSplitsTest {
    /** 3,000 rows of 1,000 customers (three cut-offs stacked), about 20 % positive. */
    private static final int ROWS = 3000;
    private final boolean[] outcomes = new boolean[ROWS];
    private final int[] groups = new int[ROWS];

    StratifiedSplitsTest() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < ROWS; i++) {
            groups[i] = i % 1000;
            outcomes[i] = random.nextDouble() < 0.2;
        }
    }

    @Test
    void aCustomersRowsNeverStraddleTheHoldout() {
        int[][] split = StratifiedSplits.holdout(outcomes, groups, 0.2, 42);
        assertEquals(ROWS, split[0].length + split[1].length);
        Map<Integer, Integer> partOfGroup = new HashMap<>();
        for (int part = 0; part < 2; part++) {
            for (int row : split[part]) {
                Integer previous = partOfGroup.put(groups[row], part);
                assertTrue(previous == null || previous == part, "customer " + groups[row] + " is on both sides");
            }
        }
        assertEquals(0.2, split[1].length / (double) ROWS, 0.02, "the holdout share is kept");
        assertEquals(rate(split[0]), rate(split[1]), 0.04, "positives are spread over both parts");
    }

    @Test
    void kFoldKeepsEachCustomerInOneFold() {
        List<int[][]> folds = StratifiedSplits.kFold(outcomes, groups, 5, 7);
        int[] foldOfGroup = new int[1000];
        Arrays.fill(foldOfGroup, -1);
        int heldOut = 0;
        for (int f = 0; f < folds.size(); f++) {
            for (int row : folds.get(f)[1]) {
                assertTrue(foldOfGroup[groups[row]] == -1 || foldOfGroup[groups[row]] == f, "customer in two folds");
                foldOfGroup[groups[row]] = f;
                heldOut++;
            }
            assertEquals(ROWS / 5.0, folds.get(f)[1].length, ROWS * 0.03);
        }
        assertEquals(ROWS, heldOut, "every row is held out exactly once");
    }

    @Test
    void withoutGroupsTheSplitIsTheUngroupedOne() {
        assertArrayEquals(StratifiedSplits.holdout(outcomes, 0.2, 42)[1], StratifiedSplits.holdout(outcomes, null, 0.2, 42)[1]);
        assertArrayEquals(new int[]{5, 7}, StratifiedSplits.subset(new int[]{1, 5, 9, 7}, new int[]{1, 3}));
    }

    private double rate(int[] rows) {
        int positives = 0;
        for (int row : rows) {
            positives += outcomes[row] ? 1 : 0;
        }
        return positives / (double) rows.length;
    }
}
