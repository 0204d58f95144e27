// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpliftMetricsTest {
    @Test
    void qiniOfAHandWorkedRanking() {
        // Ranked 0.8 (T, responded), 0.6 (C), 0.4 (T), 0.2 (C, responded). Curve y = treated responders - control
        // responders x treated / control so far: (1, 1 - 0), (2, 1 - 0 x 1/1), (3, 1 - 0 x 2/1), (4, 1 - 1 x 2/2) =
        // (1,1), (2,1), (3,1), (4,0); trapezoids 0.5 + 1 + 1 + 0.5 = 3 over a diagonal to (4, 0) of area 0.
        // Perfect scores 1, 0, 0, -1 give (1,1), (3,1), (4,0): 0.5 + 2 + 0.5 = 3. Qini = 3 / 3.
        double[] uplift = {0.8, 0.6, 0.4, 0.2};
        boolean[] treated = {true, false, true, false};
        boolean[] outcome = {true, false, false, true};
        assertEquals(1.0, UpliftMetrics.qini(uplift, outcome, treated), 1e-12);
        // Reversed, the curve is (1,-1)... : control responder first. y: (1, 0 - 1 x 0/1 = 0), (2, 0 - 1 x 1/1 = -1),
        // (3, -1 x 1/2 = -0.5 ... ) computed in full by the brute force below; here only the sign.
        double[] reversed = {0.2, 0.4, 0.6, 0.8};
        assertTrue(UpliftMetrics.qini(reversed, outcome, treated) < 0);
    }

    @Test
    void qiniAndUpliftAtKAgreeWithBruteForceDefinitionsOnTiedData() {
        Random random = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 50 + random.nextInt(300);
            double[] uplift = new double[n];
            boolean[] treated = new boolean[n];
            boolean[] outcome = new boolean[n];
            for (int i = 0; i < n; i++) {
                uplift[i] = Math.round(random.nextGaussian() * 4) / 10.0; // many ties
                treated[i] = random.nextDouble() < 0.5;
                outcome[i] = random.nextDouble() < (treated[i] ? 0.3 + 0.2 * Math.signum(uplift[i]) : 0.3);
            }
            assertEquals(bruteQini(uplift, outcome, treated), UpliftMetrics.qini(uplift, outcome, treated), 1e-9, "trial " + trial);
            for (double k : new double[]{0.1, 0.3, 0.55}) {
                assertEquals(bruteUpliftAtK(uplift, outcome, treated, k), UpliftMetrics.upliftAtK(uplift, outcome, treated, k), 1e-12);
            }
        }
    }

    @Test
    void weightsCountAsRepeatedRows() {
        Random random = new Random(5);
        int n = 200;
        double[] uplift = new double[n];
        boolean[] treated = new boolean[n];
        boolean[] outcome = new boolean[n];
        int[] weights = new int[n];
        List<Integer> expanded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            uplift[i] = Math.round(random.nextDouble() * 20) / 20.0;
            treated[i] = random.nextBoolean();
            outcome[i] = random.nextDouble() < 0.4;
            weights[i] = random.nextInt(4);
            for (int c = 0; c < weights[i]; c++) {
                expanded.add(i);
            }
        }
        double[] u = expanded.stream().mapToDouble(i -> uplift[i]).toArray();
        boolean[] t = new boolean[u.length];
        boolean[] y = new boolean[u.length];
        for (int j = 0; j < u.length; j++) {
            t[j] = treated[expanded.get(j)];
            y[j] = outcome[expanded.get(j)];
        }
        UpliftMetrics.Ranked ranked = UpliftMetrics.rank(uplift, outcome, treated);
        assertEquals(UpliftMetrics.qini(u, y, t), ranked.qini(weights), 1e-9);
        assertEquals(UpliftMetrics.upliftAtK(u, y, t, 0.3), ranked.upliftAtK(weights, 0.3), 1e-12);
        assertEquals(UpliftMetrics.averageEffect(y, t, null), ranked.averageEffect(weights), 1e-12);
    }

    @Test
    void decilesSplitLikeNumpyArraySplit() {
        int n = 23; // 23 = 10 x 2 + 3: the first three deciles hold 3 rows, the rest 2
        double[] uplift = new double[n];
        boolean[] treated = new boolean[n];
        boolean[] outcome = new boolean[n];
        for (int i = 0; i < n; i++) {
            uplift[i] = n - i; // already ranked
            treated[i] = i % 2 == 0;
            outcome[i] = i < 6;
        }
        List<UpliftMetrics.Decile> deciles = UpliftMetrics.byDecile(uplift, outcome, treated);
        assertEquals(3, deciles.get(0).treated() + deciles.get(0).control());
        assertEquals(3, deciles.get(2).treated() + deciles.get(2).control());
        assertEquals(2, deciles.get(3).treated() + deciles.get(3).control());
        // Decile 1 = rows 0, 1, 2: treated 0 and 2 responded (2/2), control 1 responded (1/1).
        assertEquals(1.0, deciles.get(0).treatedRate());
        assertEquals(1.0, deciles.get(0).controlRate());
        // Decile 2 = rows 3, 4, 5: treated 4 (1/1), control 3 and 5 (2/2). Decile 3 = rows 6, 7, 8: nobody responded.
        assertEquals(0.0, deciles.get(2).uplift());
    }

    /** The Qini coefficient straight from its definition: a curve point per distinct score, counting rows with score >= it. */
    private static double bruteQini(double[] uplift, boolean[] outcome, boolean[] treated) {
        double[] perfect = new double[uplift.length];
        for (int i = 0; i < perfect.length; i++) {
            perfect[i] = outcome[i] ? (treated[i] ? 1 : -1) : 0;
        }
        return aboveDiagonal(uplift, outcome, treated) / aboveDiagonal(perfect, outcome, treated);
    }

    private static double aboveDiagonal(double[] score, boolean[] outcome, boolean[] treated) {
        TreeSet<Double> thresholds = new TreeSet<>(Comparator.reverseOrder());
        for (double s : score) {
            thresholds.add(s);
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, 0});
        for (double threshold : thresholds) {
            double all = 0, nt = 0, yt = 0, yc = 0;
            for (int i = 0; i < score.length; i++) {
                if (score[i] >= threshold) {
                    all++;
                    nt += treated[i] ? 1 : 0;
                    yt += treated[i] && outcome[i] ? 1 : 0;
                    yc += !treated[i] && outcome[i] ? 1 : 0;
                }
            }
            double nc = all - nt;
            points.add(new double[]{all, yt - (nc == 0 ? 0 : yc * nt / nc)});
        }
        double area = 0;
        for (int p = 1; p < points.size(); p++) {
            area += (points.get(p)[0] - points.get(p - 1)[0]) * (points.get(p)[1] + points.get(p - 1)[1]) / 2;
        }
        double[] end = points.get(points.size() - 1);
        return area - end[0] * end[1] / 2;
    }

    /** Sorted by uplift descending, ties by larger index first (numpy's stable argsort reversed), top floor(n k). */
    private static double bruteUpliftAtK(double[] uplift, boolean[] outcome, boolean[] treated, double k) {
        Integer[] order = new Integer[uplift.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -uplift[i]).thenComparing(i -> -i));
        int top = (int) (uplift.length * k);
        double nt = 0, yt = 0, nc = 0, yc = 0;
        for (int r = 0; r < top; r++) {
            int i = order[r];
            if (treated[i]) {
                nt++;
                yt += outcome[i] ? 1 : 0;
            } else {
                nc++;
                yc += outcome[i] ? 1 : 0;
            }
        }
        return yt / nt - yc / nc;
    }
}
