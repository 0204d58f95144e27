// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a targeting run found, for the command's last stdout line and the API's answer.
 *
 * @param method                   {@code save_rate} or {@code uplift}: what the expected gain of a contact rests on
 * @param saveRate                 the flat save rate; null with uplift
 * @param uplift                   the campaign, direction and group counts; null with a flat save rate
 * @param customers                rows of the snapshot's scores file
 * @param customersValued          those with the numbers the method needs, the ones ranked and on the curve
 * @param customersWithoutValue    those left out for an empty or unreadable one
 * @param customersWorthContacting those whose expected net value is above 0
 * @param bestCutoff               the number contacted that maximizes the expected net value: everyone worth contacting
 * @param budgetCutoff             the most the budget or maximum allows; null when neither was given
 * @param contacted                the list: the smaller of the two cut-offs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetingSummary(String snapshot, String task, String method, String formula, List<String> assumptions,
                               double offerCost, Double saveRate, UpliftTargeting uplift, Double budget, Long maxCustomers,
                               long customers, long customersValued, long customersWithoutValue, long customersWorthContacting,
                               Cutoff bestCutoff, Cutoff budgetCutoff, Cutoff contacted) {
    public TargetingSummary {
        assumptions = List.copyOf(assumptions);
    }

    /** Contacting the {@code customers} best-ranked customers. */
    public record Cutoff(long customers, double expectedNetValue, double expectedSavedValue, double cost) {
        static Cutoff of(CurvePoint point) {
            return new Cutoff(point.customers(), point.expectedNetValue(), point.expectedSavedValue(), point.cost());
        }
    }

    /**
     * How uplift ranked the customers.
     *
     * @param outcome                  {@code wanted} or {@code unwanted}: the sign the uplift's gain takes
     * @param valuedByGroup            valued customers per uplift group, as the snapshot names the groups
     * @param contactedByGroup         the listed customers per uplift group
     * @param sleepingDogsAvoided      valued customers of the {@code sleeping-dogs} group left off the list
     * @param customersHarmedByContact valued customers whose expected gain is below 0 (the contact moves their outcome
     *                                 the wrong way); none of them is ever listed
     */
    public record UpliftTargeting(String campaign, String outcome, Map<String, Long> valuedByGroup, Map<String, Long> contactedByGroup,
                                  long sleepingDogsAvoided, long customersHarmedByContact) {
        public UpliftTargeting {
            valuedByGroup = Collections.unmodifiableMap(new LinkedHashMap<>(valuedByGroup));
            contactedByGroup = Collections.unmodifiableMap(new LinkedHashMap<>(contactedByGroup));
        }
    }
}
