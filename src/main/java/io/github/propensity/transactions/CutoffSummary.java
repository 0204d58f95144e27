// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cut-off's rows at a glance: how many customers, the label rates, the RFM segment sizes.
 *
 * @param purchaseRate   share labelled yes for purchase, null without purchase labels
 * @param churnPopulation customers in the churn population (active in the lookback), null without churn labels
 * @param churnRate      share of the churn population labelled yes, null without churn labels
 */
public record CutoffSummary(LocalDate asOf, int customers, Double purchaseRate, Integer churnPopulation, Double churnRate,
                            Map<String, Integer> segments) {
    public CutoffSummary {
        segments = Collections.unmodifiableMap(new TreeMap<>(segments));
    }

    static CutoffSummary of(LocalDate asOf, List<CustomerRow> rows, LabelChoice labels) {
        Map<String, Integer> segments = new TreeMap<>();
        int purchased = 0;
        int churnPopulation = 0;
        int churned = 0;
        for (CustomerRow row : rows) {
            segments.merge(row.segment().label(), 1, Integer::sum);
            purchased += Boolean.TRUE.equals(row.purchased()) ? 1 : 0;
            if (row.churned() != null) {
                churnPopulation++;
                churned += row.churned() ? 1 : 0;
            }
        }
        return new CutoffSummary(asOf, rows.size(),
                labels.purchase() && !rows.isEmpty() ? (double) purchased / rows.size() : null,
                labels.churn() ? churnPopulation : null,
                labels.churn() && churnPopulation > 0 ? (double) churned / churnPopulation : null,
                segments);
    }
}
