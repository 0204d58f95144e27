// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.OutcomeDirection;
import java.util.ArrayList;
import java.util.List;

/** The formula a targeting run ranks by and the assumptions behind it, as the command prints them and the summary holds them. */
public final class TargetingFormula {
    public static final String SAVE_RATE = "expected net value of contacting a customer = P(task) x save_rate x clv - offer_cost";

    private TargetingFormula() {
    }

    /** The formula with the request's direction written in: {@code + uplift} or {@code - uplift}. */
    public static String formula(TargetingRequest request) {
        if (!(request.effect() instanceof ContactEffect.Uplift uplift)) {
            return SAVE_RATE;
        }
        boolean wanted = uplift.outcome() == OutcomeDirection.WANTED;
        return "expected net value of contacting a customer = " + (wanted ? "" : "-") + uplift.upliftColumn() + " x clv - offer_cost ("
                + uplift.outcome().id() + " outcome: the contact pays when it " + (wanted ? "raises" : "lowers") + " it)";
    }

    public static List<String> assumptions(TargetingRequest request) {
        List<String> assumptions = new ArrayList<>();
        ContactEffect.Uplift campaign = request.effect() instanceof ContactEffect.Uplift uplift ? uplift : null;
        if (campaign == null) {
            assumptions.add("P(task) is the customer's calibrated probability in the snapshot: for churn, the chance they leave if nobody"
                    + " contacts them");
            assumptions.add("save_rate is the share of those customers the contact changes (for churn: would have left and now stay);"
                    + " it changes nothing for the others, who cost the offer all the same");
            assumptions.add("a saved customer is worth their whole clv (the base's CLV over its horizon, discounted), a lost one nothing;"
                    + " clv already weighs the customer's chance of staying active, so for churn the figure leans high");
        } else {
            assumptions.add(campaign.upliftColumn() + " is the campaign model's P(outcome | contacted) - P(outcome | not contacted) for the"
                    + " customer, the outcome being the label the model was trained on; " + request.task().id() + "_probability is"
                    + " listed for reference and does not enter the ranking");
            assumptions.add(campaign.outcome() == OutcomeDirection.WANTED
                    ? "the outcome is wanted (a purchase, visit, conversion): each point of uplift gains that share of the customer's clv"
                    : "the outcome is unwanted (churn): each point the contact takes off the probability keeps that share of the"
                    + " customer's clv, each point it adds loses it");
            assumptions.add("customers the contact moves the wrong way (a negative gain: sleeping dogs) are worth less than -offer_cost"
                    + " and never listed; the summary counts the listed customers by " + campaign.groupColumn() + " as the snapshot"
                    + " names them");
        }
        assumptions.add("every contact costs offer_cost, whatever it changes; customers are independent of one another");
        assumptions.add("customers whose expected net value is not above 0 are never listed: contacting them is expected to lose money, so"
                + " the best cut-off is the number worth contacting; the curve goes on past it to show what contacting more would cost");
        assumptions.add(campaign == null
                ? "customers with an empty or unreadable probability or clv are left out of the ranking and counted"
                : "customers with an empty uplift or an empty or unreadable clv are left out of the ranking and counted; an uplift outside"
                + " -1..1 or without a known group stops the run at its line");
        return assumptions;
    }
}
