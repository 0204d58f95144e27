// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

import java.util.ArrayList;
import java.util.List;

/** The method notes every readout carries, so a figure in a spreadsheet can be traced to how it was made. */
final class ReadoutMethods {
    private ReadoutMethods() {
    }

    static List<String> notes(int comparisons, boolean withValue) {
        List<String> notes = new ArrayList<>();
        notes.add("Response rate = responders / customers with an outcome. Lift = arm rate - control rate (absolute, in"
                + " rate units); 95 % interval by Newcombe's hybrid score method built on Wilson intervals (Newcombe 1998,"
                + " Statistics in Medicine 17:873-890, method 10; Wilson 1927, JASA 22:209-212).");
        notes.add("Relative lift = lift / control rate; 95 % interval from the Katz log-ratio interval of the risk ratio"
                + " (Katz et al. 1978, Biometrics 34:469-474), minus 1; none when the arm or the control has no responders.");
        notes.add("p-value: pooled two-proportion z-test, two-sided, equal to the 2x2 chi-square test without continuity correction.");
        if (comparisons > 1) {
            notes.add("With " + comparisons + " arms against one control, p_value_holm is Holm's step-down adjustment (Holm 1979,"
                    + " Scand. J. Statistics 6:65-70) over the arm-vs-control comparisons within each group (the whole file and"
                    + " each group of the breakdown are separate families); judge significance by it, not by p_value.");
        }
        notes.add("Incremental responders = lift x arm customers, interval scaled the same way: responders the arm gained over"
                + " what the control rate would have given the same customers.");
        if (withValue) {
            notes.add("Value: mean per customer (customers with an outcome, every one counted, 0 for none); difference arm - control"
                    + " with a 95 % percentile interval from a Poisson bootstrap (each row weighted Poisson(1) in every replicate,"
                    + " weights from a hash of seed, row and replicate: Chamandy et al. 2012; Hanley & MacGibbon 2006), deterministic"
                    + " for a seed and any thread count. Incremental value = difference x arm customers.");
        }
        notes.add("Too small: an arm or control without customers, or fewer than 5 expected responders or non-responders in"
                + " the smaller of the two under the pooled rate; the figures are shown but should not be acted on.");
        notes.add("Sample-ratio mismatch: chi-square goodness of fit of each arm's customers (every row with an arm) to the"
                + " expected split (the control first, then the arms in alphabetical order; equal unless given), failing below"
                + " p = 0.001 (Fabijan et al. 2019, KDD).");
        notes.add("Covariate balance: standardized mean difference of every other column between each arm and the control"
                + " (numeric: (mean_a - mean_c) / sqrt((var_a + var_c) / 2); categorical: the same for each level's share, worst"
                + " level reported), flagged above 0.1 (Austin 2009, Statistics in Medicine 28:3083-3107).");
        return notes;
    }
}
