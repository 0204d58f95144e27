// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value columns of one history, the CLV against month-by-month sums written out here. */
class ValueModelTest {
    private static final GammaGamma ORDER_VALUE = new GammaGamma(6.25, 3.74, 15.44);
    private static final BgNbd BG_NBD = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final Nbd NBD = new Nbd(0.5, 6);
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    /** (x, t_x weeks, T weeks, mean repeat value) */
    private static final double[][] HISTORIES = {{0, 0, 40, Double.NaN}, {1, 10, 52, 25}, {4, 50, 52, 80}, {12, 20, 70, 14.5}};

    private static double[] columns(ValueModel model, double[] h) {
        double[] out = new double[ValueColumns.COUNT];
        model.values((int) h[0], h[1], h[2], h[3], out);
        return out;
    }

    /** Month ends k * 365.25/12 days for every month that starts inside the horizon, the last one cut at the horizon. */
    private static List<Double> monthEnds(int horizonDays) {
        List<Double> ends = new ArrayList<>();
        for (int k = 1; (k - 1) * DAYS_PER_MONTH < horizonDays - 1e-9; k++) {
            ends.add(Math.min(k * DAYS_PER_MONTH, horizonDays));
        }
        return ends;
    }

    @Test
    void clvOfTheNbdIsTheDiscountedSumOfItsLinearMonthlyPurchases() {
        for (int horizon : new int[]{30, 91, 365, 730, 3653}) {
            for (double rate : new double[]{0, 0.1, 0.35}) {
                ValueModel model = new ValueModel(NBD, ORDER_VALUE, new ValueSettings(horizon, rate));
                for (double[] h : HISTORIES) {
                    int x = (int) h[0];
                    double perDay = (NBD.r() + x) / (NBD.alpha() + h[2]) / 7;
                    double expected = 0;
                    double monthStart = 0;
                    for (double end : monthEnds(horizon)) {
                        expected += perDay * (end - monthStart) / Math.pow(1 + rate, end / 365.25);
                        monthStart = end;
                    }
                    expected *= ORDER_VALUE.expectedOrderValue(x, h[3]);
                    assertEquals(expected, columns(model, h)[ValueColumns.CLV], 1e-10 * expected,
                            "horizon " + horizon + " rate " + rate + " x " + x);
                }
            }
        }
    }

    @Test
    void clvOfTheBgNbdIsTheDiscountedSumOfItsMonthlyIncrements() {
        ValueModel model = new ValueModel(BG_NBD, ORDER_VALUE, new ValueSettings(365, 0.10));
        // 365 days are 12 months of 365.25/12 days, the last 0.25 days short.
        assertEquals(12, monthEnds(365).size());
        assertEquals(365.0, monthEnds(365).get(11), 0.0);
        for (double[] h : HISTORIES) {
            int x = (int) h[0];
            double sum = 0;
            double before = 0;
            for (double end : monthEnds(365)) {
                double upToEnd = BG_NBD.expectedPurchases(end / 7, x, h[1], h[2]);
                sum += (upToEnd - before) * Math.pow(1.10, -end / 365.25);
                before = upToEnd;
            }
            double expected = ORDER_VALUE.expectedOrderValue(x, h[3]) * sum;
            assertEquals(expected, columns(model, h)[ValueColumns.CLV], 1e-10 * expected, "x " + x);
        }
    }

    @Test
    void withoutDiscountingClvIsOrderValueTimesExpectedPurchasesOverTheHorizon() {
        for (PurchaseModel purchases : List.of(BG_NBD, NBD)) {
            for (int horizon : new int[]{1, 45, 365, 1000}) {
                ValueModel model = new ValueModel(purchases, ORDER_VALUE, new ValueSettings(horizon, 0));
                for (double[] h : HISTORIES) {
                    double[] c = columns(model, h);
                    double expected = ORDER_VALUE.expectedOrderValue((int) h[0], h[3]) * purchases.expectedPurchases(horizon / 7.0, (int) h[0], h[1], h[2]);
                    assertEquals(expected, c[ValueColumns.CLV], 1e-12 * expected, purchases.name() + " horizon " + horizon);
                    assertEquals(c[ValueColumns.EXPECTED_ORDER_VALUE] * c[ValueColumns.EXPECTED_PURCHASES], c[ValueColumns.CLV], 1e-12 * expected);
                }
            }
        }
    }

    @Test
    void discountingNeverRaisesClvAndAHigherRateLowersIt() {
        for (double[] h : HISTORIES) {
            double previous = Double.POSITIVE_INFINITY;
            for (double rate : new double[]{0, 0.05, 0.1, 0.5, 0.99}) {
                double clv = columns(new ValueModel(BG_NBD, ORDER_VALUE, new ValueSettings(730, rate)), h)[ValueColumns.CLV];
                assertTrue(clv < previous && clv > 0, "rate " + rate + ": " + clv);
                previous = clv;
            }
        }
    }

    @Test
    void clvIsNeverNegativeEvenWhenEverythingWasReturned() {
        ValueModel model = new ValueModel(BG_NBD, ORDER_VALUE, ValueSettings.defaults());
        for (double mean : new double[]{-500, -1, 0, 1e-9}) {
            double[] c = columns(model, new double[]{3, 20, 60, mean});
            assertTrue(c[ValueColumns.EXPECTED_ORDER_VALUE] > 0, "a non-positive mean counts as 0, shrunk towards the population");
            assertTrue(c[ValueColumns.CLV] > 0, "mean " + mean + ": " + c[ValueColumns.CLV]);
        }
    }

    @Test
    void theColumnsAreTheModelsOwnFigures() {
        ValueModel model = new ValueModel(BG_NBD, ORDER_VALUE, new ValueSettings(180, 0.1));
        for (double[] h : HISTORIES) {
            int x = (int) h[0];
            double[] c = columns(model, h);
            assertEquals(BG_NBD.expectedPurchases(180 / 7.0, x, h[1], h[2]), c[ValueColumns.EXPECTED_PURCHASES], 0.0);
            assertEquals(BG_NBD.pAlive(x, h[1], h[2]), c[ValueColumns.P_ALIVE], 0.0);
            assertEquals(ORDER_VALUE.expectedOrderValue(x, h[3]), c[ValueColumns.EXPECTED_ORDER_VALUE], 0.0);
            assertEquals(7 * BG_NBD.medianWeeksToNextPurchase(x, h[2]), c[ValueColumns.DAYS_TO_NEXT_PURCHASE], 1e-12);
        }
    }

    @Test
    void anOrderValueModelWithoutAFiniteMeanIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ValueModel(BG_NBD, new GammaGamma(2, 1, 10), ValueSettings.defaults()));
        assertTrue(e.getMessage().contains("q is 1.0"), e.getMessage());
    }

    @Test
    void settingsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ValueSettings(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ValueSettings(ValueSettings.MAX_HORIZON_DAYS + 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ValueSettings(365, -0.01));
        assertThrows(IllegalArgumentException.class, () -> new ValueSettings(365, 1));
        assertThrows(IllegalArgumentException.class, () -> new ValueSettings(365, Double.NaN));
    }

    @Test
    void columnNamesCarryTheHorizon() {
        assertEquals(List.of("expected_purchases_90d", "p_alive", "expected_order_value", "clv_90d", "expected_days_to_next_purchase"),
                ValueColumns.names(new ValueSettings(90, 0.1)));
    }
}
