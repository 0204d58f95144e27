// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import org.junit.jupiter.api.Test;
import smile.math.special.Gamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interval and test statistics against published tables and arithmetic done by hand here. */
class ProportionStatisticsTest {
    private static final double Z = 1.959963984540054;

    @Test
    void newcombeIntervalsMatchMethodTenOfNewcombesTableTwo() {
        // Newcombe 1998, Table II, method 10 (hybrid score), to the four decimals published:
        // {x1, n1, x2, n2, lower, upper}
        double[][] published = {
                {56, 70, 48, 80, 0.0524, 0.3339},
                {9, 10, 3, 10, 0.1705, 0.8090},
                {6, 7, 2, 7, 0.0582, 0.8062},
                {5, 56, 0, 29, -0.0381, 0.1926},
                {0, 10, 0, 20, -0.1611, 0.2775},
                {10, 10, 0, 20, 0.6791, 1.0000},
        };
        for (double[] row : published) {
            Interval interval = NewcombeDifference.of((long) row[0], (long) row[1], (long) row[2], (long) row[3], Z);
            String example = (long) row[0] + "/" + (long) row[1] + " - " + (long) row[2] + "/" + (long) row[3];
            assertEquals(row[4], interval.lower(), 0.00005, example + " lower");
            assertEquals(row[5], interval.upper(), 0.00005, example + " upper");
        }
    }

    @Test
    void newcombeIntervalIsBuiltFromTheWilsonLimitsByHand() {
        // 56/70 - 48/80, z = 1.96: p1 = 0.8, p2 = 0.6, d = 0.2.
        // Wilson 56/70: centre 0.8 + 3.8416/140 = 0.8274400; half 1.96 sqrt(0.16/70 + 3.8416/19600) = 1.96 x 0.0498168
        //   = 0.0976409; denominator 1 + 3.8416/70 = 1.0548800 -> 0.7297991 / 1.05488 = 0.6918314, 0.9250809 / 1.05488 = 0.8769537.
        // Wilson 48/80: centre 0.6 + 3.8416/160 = 0.6240100; half 1.96 sqrt(0.24/80 + 3.8416/25600) = 1.96 x 0.0561254
        //   = 0.1100058; denominator 1 + 3.8416/80 = 1.0480200 -> 0.5140042 / 1.04802 = 0.4904526, 0.7340158 / 1.04802 = 0.7003834.
        // lower = 0.2 - sqrt((0.8 - 0.6918314)^2 + (0.7003834 - 0.6)^2) = 0.2 - sqrt(0.0117005 + 0.0100768) = 0.2 - 0.1475713 = 0.0524287
        // upper = 0.2 + sqrt((0.8769537 - 0.8)^2 + (0.6 - 0.4904526)^2) = 0.2 + sqrt(0.0059219 + 0.0120006) = 0.2 + 0.1338749 = 0.3338749
        Interval first = WilsonInterval.of(56, 70, 1.96);
        assertEquals(0.6918314, first.lower(), 2e-7);
        assertEquals(0.8769537, first.upper(), 2e-7);
        Interval second = WilsonInterval.of(48, 80, 1.96);
        assertEquals(0.4904526, second.lower(), 2e-7);
        assertEquals(0.7003834, second.upper(), 2e-7);
        Interval difference = NewcombeDifference.of(56, 70, 48, 80, 1.96);
        assertEquals(0.0524287, difference.lower(), 5e-7);
        assertEquals(0.3338749, difference.upper(), 5e-7);
    }

    @Test
    void wilsonIntervalReachesTheBoundsExactlyAtNoneAndAll() {
        // 0/10: lower 0; upper (0 + z^2/20 + z sqrt(z^2/400)) / (1 + z^2/10) = (z^2/10) / (1 + z^2/10) = 0.3841459/1.3841459 = 0.2775328
        Interval none = WilsonInterval.of(0, 10, Z);
        assertEquals(0, none.lower(), 0);
        assertEquals(0.2775328, none.upper(), 1e-7);
        Interval all = WilsonInterval.of(10, 10, Z);
        assertEquals(1 - 0.2775328, all.lower(), 1e-7);
        assertEquals(1, all.upper(), 0);
    }

    @Test
    void zTestIsTheChiSquareOfTheTwoByTwoTable() {
        // 56/70 vs 48/80: pooled 104/150 = 0.6933333; variance 0.6933333 x 0.3066667 x (1/70 + 1/80) = 0.0056952;
        // z = 0.2 / sqrt(0.0056952) = 2.6501
        double z = TwoProportionTest.z(56, 70, 48, 80).orElseThrow();
        assertEquals(2.6501, z, 1e-4);
        // The same table's Pearson chi-square from its expected cells (row total x column total / 150), written out:
        double[][] observed = {{56, 14}, {48, 32}};
        double[] rows = {70, 80};
        double[] columns = {104, 46};
        double chiSquare = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = rows[i] * columns[j] / 150;
                chiSquare += Math.pow(observed[i][j] - expected, 2) / expected;
            }
        }
        assertEquals(chiSquare, z * z, 1e-9);
        // p of the chi-square with 1 df from the incomplete gamma, not from the normal tail the test uses.
        double p = Gamma.regularizedUpperIncompleteGamma(0.5, chiSquare / 2);
        assertEquals(p, TwoProportionTest.pValue(56, 70, 48, 80).orElseThrow(), 1e-7);
        assertEquals(0.008045, p, 5e-6);
    }

    @Test
    void zTestIsUndefinedWithoutVariation() {
        assertFalse(TwoProportionTest.pValue(0, 10, 0, 20).isPresent());
        assertFalse(TwoProportionTest.pValue(5, 10, 0, 0).isPresent());
    }

    @Test
    void katzIntervalByHand() {
        // 20/100 vs 10/100: RR 2, log 0.6931472; se sqrt(1/20 - 1/100 + 1/10 - 1/100) = sqrt(0.13) = 0.3605551;
        // 1.959964 x 0.3605551 = 0.7066751; exp(0.6931472 - 0.7066751) = exp(-0.0135279) = 0.9865632,
        // exp(0.6931472 + 0.7066751) = exp(1.3998223) = 4.0544792
        Interval ratio = RiskRatioInterval.of(20, 100, 10, 100, Z).orElseThrow();
        assertEquals(0.9865632, ratio.lower(), 1e-6);
        assertEquals(4.0544792, ratio.upper(), 1e-6);
        assertTrue(RiskRatioInterval.of(0, 100, 10, 100, Z).isEmpty());
    }

    @Test
    void holmAdjustsInStepsAndLeavesUndefinedOnesOut() {
        // sorted 0.01, 0.03, 0.04 over m = 3: 3 x 0.01 = 0.03; max(0.03, 2 x 0.03) = 0.06; max(0.06, 1 x 0.04) = 0.06
        double[] adjusted = HolmAdjustment.adjust(new double[]{0.01, 0.04, 0.03, Double.NaN});
        assertEquals(0.03, adjusted[0], 1e-12);
        assertEquals(0.06, adjusted[1], 1e-12);
        assertEquals(0.06, adjusted[2], 1e-12);
        assertTrue(Double.isNaN(adjusted[3]));
        // capped at 1
        assertEquals(1, HolmAdjustment.adjust(new double[]{0.6, 0.7})[0], 0);
    }

    @Test
    void sampleRatioChiSquareByHand() {
        // 50, 30, 20 against 1:1:1: expected 33.333 each; chi-square (16.667^2 + 3.333^2 + 13.333^2) / 33.333 = 14.0;
        // with 2 df the survival function is exp(-x/2) = exp(-7) = 0.000911882: below 0.001, a mismatch
        SampleRatio ratio = SampleRatio.check(java.util.List.of("c", "a", "b"), new long[]{50, 30, 20}, new double[]{1, 1, 1});
        assertEquals(14.0, ratio.chiSquare(), 1e-9);
        assertEquals(2, ratio.degreesOfFreedom());
        assertEquals(Math.exp(-7), ratio.pValue(), 1e-12);
        assertTrue(ratio.mismatch());
        // The same counts fit a 5:3:2 design exactly.
        SampleRatio designed = SampleRatio.check(java.util.List.of("c", "a", "b"), new long[]{50, 30, 20}, new double[]{5, 3, 2});
        assertEquals(0, designed.chiSquare(), 1e-12);
        assertFalse(designed.mismatch());
    }

    @Test
    void standardizedDifferencesByHand() {
        // numeric: arm 1, 2, 3 (mean 2, variance 1) vs control 2, 4, 6 (mean 4, variance 4): -2 / sqrt(2.5) = -1.2649111
        // categorical: arm a, a, b vs control a, b, b, b: level a 2/3 vs 1/4, (0.6666667 - 0.25) /
        //   sqrt((0.2222222 + 0.1875) / 2) = 0.4166667 / sqrt(0.2048611) = 0.4166667 / 0.4526159 = 0.9205746; level b
        //   is the mirror image (the missing x of the control's last row leaves its kind counted)
        CovariateBalance balance = new CovariateBalance(java.util.List.of("x", "kind"), new int[]{0, 1}, 2);
        String[][] arm = {{"1", "a"}, {"2", "a"}, {"3", "b"}};
        String[][] control = {{"2", "a"}, {"4", "b"}, {"6", "b"}, {"", "b"}};
        for (String[] row : arm) {
            balance.observe(1, row);
        }
        for (String[] row : control) {
            balance.observe(0, row);
        }
        var rows = balance.rows(java.util.List.of("control", "arm"), new int[]{0, 1});
        assertEquals("numeric", rows.get(0).kind());
        assertEquals(-1.2649111, rows.get(0).smd(), 1e-7);
        assertTrue(rows.get(0).flagged());
        assertEquals("categorical", rows.get(1).kind());
        assertEquals(0.9205746, Math.abs(rows.get(1).smd()), 1e-7);
        assertEquals("a", rows.get(1).worstLevel());
    }
}
