// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Uplift metrics with scikit-uplift's exact definitions (0.5: {@code qini_curve}, {@code qini_auc_score} with
 * {@code negative_effect=True}, {@code uplift_at_k} with {@code strategy='overall'}, {@code uplift_by_percentile}
 * with {@code strategy='overall'}), so users can compare numbers with that library's:
 * <ul>
 *   <li>rows are ranked by predicted uplift, highest first, ties in reverse input order (scikit-uplift's
 *       {@code np.argsort(uplift, kind='mergesort')[::-1]});</li>
 *   <li>the Qini curve at each distinct uplift value is treated responders minus control responders times treated
 *       over control customers so far (0 while no control customer is seen), starting at (0, 0);</li>
 *   <li>the Qini coefficient is the trapezoid area between that curve and the straight line to its end, over the same
 *       area of the perfect curve, the one that ranks treated responders first and control responders last;</li>
 *   <li>uplift at k is the treated minus the control response rate among the first {@code floor(n k)} rows;</li>
 *   <li>deciles split the ranking as {@code numpy.array_split} does: the first {@code n mod 10} get one row more.</li>
 * </ul>
 * Each row may carry a whole-number weight (a bootstrap resample's count of it): a row of weight w counts as w
 * copies side by side in the ranking, so the weighted figures of a resample equal those of the resampled rows.
 */
public final class UpliftMetrics {
    private UpliftMetrics() {
    }

    /** Row indices by uplift, highest first, tied rows in reverse input order (scikit-uplift's ranking). */
    public static int[] ranking(double[] uplift) {
        int n = uplift.length;
        double[] reversed = new double[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = uplift[n - 1 - i];
        }
        int[] order = DescendingOrder.of(reversed);
        for (int k = 0; k < n; k++) {
            order[k] = n - 1 - order[k];
        }
        return order;
    }

    /** The Qini coefficient ({@code qini_auc_score}, negative effects in the perfect curve). */
    public static double qini(double[] uplift, boolean[] outcome, boolean[] treated) {
        return rank(uplift, outcome, treated).qini(null);
    }

    /** Rows ranked once by predicted uplift and by the perfect score, for repeated (weighted) metrics. */
    public static Ranked rank(double[] uplift, boolean[] outcome, boolean[] treated) {
        if (uplift.length != outcome.length || uplift.length != treated.length) {
            throw new IllegalArgumentException("one outcome and one treatment flag per prediction are required");
        }
        double[] perfectScore = new double[uplift.length];
        for (int i = 0; i < perfectScore.length; i++) {
            perfectScore[i] = outcome[i] ? (treated[i] ? 1 : -1) : 0;
        }
        return new Ranked(uplift.clone(), ranking(uplift), perfectScore, ranking(perfectScore), outcome.clone(), treated.clone());
    }

    /** A ranking and what the metrics need of it; {@code weights} (null for one each) are a resample's row counts. */
    public static final class Ranked {
        private final double[] uplift;
        private final int[] ranking;
        private final double[] perfectScore;
        private final int[] perfectRanking;
        private final boolean[] outcome;
        private final boolean[] treated;

        private Ranked(double[] uplift, int[] ranking, double[] perfectScore, int[] perfectRanking, boolean[] outcome, boolean[] treated) {
            this.uplift = uplift;
            this.ranking = ranking;
            this.perfectScore = perfectScore;
            this.perfectRanking = perfectRanking;
            this.outcome = outcome;
            this.treated = treated;
        }

        public int rows() {
            return uplift.length;
        }

        /**
         * The Qini coefficient; NaN when the perfect curve has no area above its diagonal (no treated responder and
         * no control responder).
         */
        public double qini(int[] weights) {
            return curveArea(uplift, ranking, outcome, treated, weights) / curveArea(perfectScore, perfectRanking, outcome, treated, weights);
        }

        public double upliftAtK(int[] weights, double k) {
            return UpliftMetrics.upliftAtK(ranking, outcome, treated, weights, k);
        }

        public double averageEffect(int[] weights) {
            return UpliftMetrics.averageEffect(outcome, treated, weights);
        }

        /** Points of the Qini curve at {@code points} evenly spaced shares of the ranking (x: share 0-1, y: incremental responders). */
        public double[][] qiniCurve(int points) {
            double[][] curve = new double[points + 1][2];
            int n = ranking.length;
            double treatedCount = 0;
            double treatedResponders = 0;
            double controlResponders = 0;
            int next = 1;
            for (int k = 0; k < n && next <= points; k++) {
                int row = ranking[k];
                if (treated[row]) {
                    treatedCount++;
                    treatedResponders += outcome[row] ? 1 : 0;
                } else {
                    controlResponders += outcome[row] ? 1 : 0;
                }
                long depth = (long) Math.ceil((double) n * next / points);
                if (k + 1 == depth) {
                    double control = k + 1 - treatedCount;
                    curve[next][0] = (double) (k + 1) / n;
                    curve[next][1] = treatedResponders - (control == 0 ? 0 : controlResponders * treatedCount / control);
                    next++;
                }
            }
            return curve;
        }
    }

    /**
     * Area between the Qini curve and its diagonal: the trapezoid area under the curve (threshold points only)
     * minus the triangle to its end point.
     */
    private static double curveArea(double[] score, int[] ranking, boolean[] outcome, boolean[] treated, int[] weights) {
        double all = 0;
        double treatedCount = 0;
        double treatedResponders = 0;
        double controlResponders = 0;
        double previousX = 0;
        double previousY = 0;
        double area = 0;
        int n = ranking.length;
        for (int k = 0; k < n; k++) {
            int row = ranking[k];
            int weight = weights == null ? 1 : weights[row];
            all += weight;
            if (treated[row]) {
                treatedCount += weight;
                treatedResponders += outcome[row] ? weight : 0;
            } else {
                controlResponders += outcome[row] ? weight : 0;
            }
            boolean lastOfTie = k == n - 1 || score[ranking[k + 1]] != score[row];
            if (lastOfTie && all > previousX) {
                double control = all - treatedCount;
                double y = treatedResponders - (control == 0 ? 0 : controlResponders * treatedCount / control);
                area += (all - previousX) * (y + previousY) / 2;
                previousX = all;
                previousY = y;
            }
        }
        return area - previousX * previousY / 2;
    }

    /**
     * Uplift at k ({@code uplift_at_k}, strategy overall): among the first {@code floor(n k)} ranked rows, the treated
     * response rate minus the control one; NaN when that top holds no treated or no control customer.
     */
    public static double upliftAtK(double[] uplift, boolean[] outcome, boolean[] treated, double k) {
        return upliftAtK(ranking(uplift), outcome, treated, null, k);
    }

    /** {@link #upliftAtK(double[], boolean[], boolean[], double)} over a ranking, with per-row weights (null: one each). */
    public static double upliftAtK(int[] ranking, boolean[] outcome, boolean[] treated, int[] weights, double k) {
        if (!(k > 0 && k < 1)) {
            throw new IllegalArgumentException("k must lie strictly between 0 and 1, got " + k);
        }
        long total = 0;
        for (int row : ranking) {
            total += weights == null ? 1 : weights[row];
        }
        long top = (long) Math.floor(total * k);
        double[] counts = new double[4];
        long taken = 0;
        for (int position = 0; position < ranking.length && taken < top; position++) {
            int row = ranking[position];
            long take = Math.min(weights == null ? 1 : weights[row], top - taken);
            taken += take;
            int arm = treated[row] ? 0 : 2;
            counts[arm] += take;
            counts[arm + 1] += outcome[row] ? take : 0;
        }
        return counts[1] / counts[0] - counts[3] / counts[2];
    }

    /** One tenth of the ranking: its size per arm and response rates ({@code uplift_by_percentile}, overall). */
    public record Decile(int decile, long treated, long control, double treatedRate, double controlRate) {
        public double uplift() {
            return treatedRate - controlRate;
        }
    }

    /** Uplift by decile of the ranking, the first {@code n mod 10} deciles one row larger. */
    public static List<Decile> byDecile(double[] uplift, boolean[] outcome, boolean[] treated) {
        int[] ranking = ranking(uplift);
        int n = ranking.length;
        List<Decile> deciles = new ArrayList<>(10);
        int start = 0;
        for (int d = 0; d < 10; d++) {
            int size = n / 10 + (d < n % 10 ? 1 : 0);
            long treatedCount = 0;
            long control = 0;
            long treatedResponders = 0;
            long controlResponders = 0;
            for (int k = start; k < start + size; k++) {
                int row = ranking[k];
                if (treated[row]) {
                    treatedCount++;
                    treatedResponders += outcome[row] ? 1 : 0;
                } else {
                    control++;
                    controlResponders += outcome[row] ? 1 : 0;
                }
            }
            deciles.add(new Decile(d + 1, treatedCount, control, (double) treatedResponders / treatedCount,
                    (double) controlResponders / control));
            start += size;
        }
        return deciles;
    }

    /** The average treatment effect: treated response rate minus control response rate, with per-row weights. */
    public static double averageEffect(boolean[] outcome, boolean[] treated, int[] weights) {
        double[] counts = new double[4];
        for (int row = 0; row < outcome.length; row++) {
            int weight = weights == null ? 1 : weights[row];
            int arm = treated[row] ? 0 : 2;
            counts[arm] += weight;
            counts[arm + 1] += outcome[row] ? weight : 0;
        }
        return counts[1] / counts[0] - counts[3] / counts[2];
    }

    /**
     * The share of treated customers among the first 1..n ranked rows, at {@code points} evenly spaced depths: a
     * model that ranks by the treatment itself rather than by its effect shows up as a share far from the overall one.
     */
    public static double[] treatedShareAlongRanking(double[] uplift, boolean[] treated, int points) {
        int[] ranking = ranking(uplift);
        int n = ranking.length;
        double[] shares = new double[points];
        long treatedSoFar = 0;
        int next = 0;
        for (int k = 0; k < n && next < points; k++) {
            treatedSoFar += treated[ranking[k]] ? 1 : 0;
            long depth = (long) Math.ceil((double) n * (next + 1) / points);
            if (k + 1 == depth) {
                shares[next++] = (double) treatedSoFar / (k + 1);
            }
        }
        return shares;
    }
}
