// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestFlagsTest {
    private static List<BacktestFlag.Kind> kinds(double auc, double ece, OptionalDouble cardAuc) {
        return BacktestFlags.of(auc, ece, cardAuc, List.of()).stream().map(BacktestFlag::kind).toList();
    }

    @Test
    void anAucExactlyTheAllowedDropBelowTheCardIsNotFlaggedAndJustBeyondItIs() {
        // 0.80 - 0.75 is 0.05000000000000004 in doubles: a gap of 0.05 on paper, not more than the threshold.
        assertEquals(List.of(), kinds(0.75, 0.01, OptionalDouble.of(0.80)));
        assertEquals(List.of(BacktestFlag.Kind.AUC_DROP), kinds(0.7499, 0.01, OptionalDouble.of(0.80)));
        assertEquals(List.of(), kinds(0.90, 0.01, OptionalDouble.of(0.80)), "better than the card is no flag");
    }

    @Test
    void anEceExactlyAtTheThresholdIsNotFlaggedAndJustAboveItIs() {
        assertEquals(List.of(), kinds(0.8, 0.05, OptionalDouble.of(0.8)));
        // 0.30 - 0.25: a model saying 30 % to customers of whom 25 % left is 5 points off, at the threshold.
        assertEquals(List.of(), kinds(0.8, 0.30 - 0.25, OptionalDouble.of(0.8)));
        assertEquals(List.of(BacktestFlag.Kind.MISCALIBRATED), kinds(0.8, 0.0501, OptionalDouble.of(0.8)));
    }

    @Test
    void withoutACardOnlyCalibrationIsJudged() {
        assertEquals(List.of(BacktestFlag.Kind.MISCALIBRATED), kinds(0.5, 0.2, OptionalDouble.empty()));
        assertEquals(List.of(), kinds(0.5, 0.01, OptionalDouble.empty()));
    }

    @Test
    void everyFlagNamesTheDriftedInputsAsTheLikelyCause() {
        List<BacktestFlag> flags = BacktestFlags.of(0.6, 0.09, OptionalDouble.of(0.8), List.of("spend_365d", "score"));
        assertEquals(2, flags.size());
        for (BacktestFlag flag : flags) {
            assertEquals(List.of("spend_365d", "score"), flag.likelyCause());
            assertTrue(flag.message().contains("likely cause: drift.json flagged spend_365d, score"), flag.message());
        }
        BacktestFlag withoutDrift = BacktestFlags.of(0.6, 0.01, OptionalDouble.of(0.8), List.of()).get(0);
        assertEquals(List.of(), withoutDrift.likelyCause());
        assertTrue(!withoutDrift.message().contains("likely cause"), withoutDrift.message());
        assertTrue(withoutDrift.message().contains("0.6000 is 0.2000 below the card's 0.8000"), withoutDrift.message());
    }
}
