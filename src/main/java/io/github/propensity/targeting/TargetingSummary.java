// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a targeting run found, for the command's last stdout line and the API's answer.
 *
 * @param customers               rows of the snapshot's scores file
 * @param customersValued         those with a probability and a CLV, the ones ranked and on the curve
 * @param customersWithoutValue   those left out for an empty or unreadable probability or CLV
 * @param customersWorthContacting those whose expected net value is above 0
 * @param bestCutoff              the number contacted that maximizes the expected net value: everyone worth contacting
 * @param budgetCutoff            the most the budget or maximum allows; null when neither was given
 * @param contacted               the list: the smaller of the two cut-offs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetingSummary(String snapshot, String task, String formula, List<String> assumptions, double offerCost,
                               Object saveRate, Double budget, Long maxCustomers, long customers, long customersValued,
                               long customersWithoutValue, long customersWorthContacting, Cutoff bestCutoff,
                               Cutoff budgetCutoff, Cutoff contacted) {
    public TargetingSummary {
        assumptions = List.copyOf(assumptions);
    }

    /** Contacting the {@code customers} best-ranked customers. */
    public record Cutoff(long customers, double expectedNetValue, double expectedSavedValue, double cost) {
        static Cutoff of(CurvePoint point) {
            return new Cutoff(point.customers(), point.expectedNetValue(), point.expectedSavedValue(), point.cost());
        }
    }
}
