// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One targeting question: contact customers for {@code task} at {@code offerCost} a contact, each contact doing
 * what {@code effect} says (a flat save rate, or the customer's uplift from a campaign's model), within {@code limit}.
 *
 * @param offerCost what one contact costs, in the CLV's currency, at least 0
 */
public record TargetingRequest(Task task, double offerCost, ContactEffect effect, ContactLimit limit) {
    public TargetingRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(limit, "limit");
        if (!(offerCost >= 0 && Double.isFinite(offerCost))) {
            throw new TargetingInputException(TargetingField.OFFER_COST, "the offer cost must be a finite amount of at least 0, got " + offerCost);
        }
    }

    /**
     * A request from settings as a front end read them (null: not given), naming every missing or bad one at once.
     * Exactly one of {@code saveRate} and {@code upliftCampaign} is given; {@code upliftOutcome} (wanted or unwanted)
     * only with a campaign; without it, the direction the campaign's model was trained with when the snapshot records it
     * ({@link CampaignDirection}), else the task's own: unwanted for churn, wanted otherwise.
     *
     * @throws TargetingInputException listing each problem with its field
     */
    public static TargetingRequest of(String task, Double offerCost, Double saveRate, String upliftCampaign, String upliftOutcome,
                                      Double budget, Long maxCustomers) {
        List<TargetingInputException.Problem> problems = new ArrayList<>();
        Task parsedTask = null;
        if (task == null) {
            problems.add(new TargetingInputException.Problem(TargetingField.TASK, "the task is required: churn, purchase or conversion"));
        } else {
            try {
                parsedTask = Task.parse(task);
            } catch (IllegalArgumentException e) {
                problems.add(new TargetingInputException.Problem(TargetingField.TASK, e.getMessage()));
            }
        }
        if (offerCost == null) {
            problems.add(new TargetingInputException.Problem(TargetingField.OFFER_COST, "the offer cost is required (what one contact costs)"));
        } else if (!(offerCost >= 0 && Double.isFinite(offerCost))) {
            problems.add(new TargetingInputException.Problem(TargetingField.OFFER_COST, "the offer cost must be a finite amount of at least 0, got " + offerCost));
        }
        ContactEffect effect = effect(parsedTask, saveRate, upliftCampaign, upliftOutcome, problems);
        ContactLimit limit = new ContactLimit.None();
        if (budget != null && maxCustomers != null) {
            problems.add(new TargetingInputException.Problem(TargetingField.MAX_CUSTOMERS, "give a budget or a maximum number of customers, not both"));
        } else if (budget != null) {
            limit = collect(problems, () -> new ContactLimit.Budget(budget));
        } else if (maxCustomers != null) {
            limit = collect(problems, () -> new ContactLimit.MaxCustomers(maxCustomers));
        }
        if (!problems.isEmpty()) {
            throw new TargetingInputException(problems);
        }
        return new TargetingRequest(parsedTask, offerCost, effect, limit);
    }

    private static ContactEffect effect(Task task, Double saveRate, String upliftCampaign, String upliftOutcome,
                                        List<TargetingInputException.Problem> problems) {
        if (saveRate != null && upliftCampaign != null) {
            problems.add(new TargetingInputException.Problem(TargetingField.UPLIFT, "give a save rate or an uplift campaign, not both:"
                    + " the uplift replaces the flat rate"));
            return null;
        }
        if (upliftCampaign == null) {
            if (upliftOutcome != null) {
                problems.add(new TargetingInputException.Problem(TargetingField.UPLIFT_OUTCOME, "the uplift outcome only applies with an"
                        + " uplift campaign"));
            }
            if (saveRate == null) {
                problems.add(new TargetingInputException.Problem(TargetingField.SAVE_RATE, "the save rate (a share between 0 and 1) or an"
                        + " uplift campaign (whose <campaign>_uplift column ranks the customers) is required"));
                return null;
            }
            return collect(problems, () -> new ContactEffect.SaveRate(saveRate));
        }
        OutcomeDirection direction = null;
        if (upliftOutcome != null) {
            try {
                direction = OutcomeDirection.parse(upliftOutcome);
            } catch (IllegalArgumentException e) {
                problems.add(new TargetingInputException.Problem(TargetingField.UPLIFT_OUTCOME, e.getMessage()));
                return null;
            }
        } else if (task != null) {
            direction = OutcomeDirection.of(task);
        }
        // Without a readable task (already a problem) the campaign's name is still checked, under either direction.
        OutcomeDirection chosen = direction;
        return collect(problems, () -> new ContactEffect.Uplift(upliftCampaign, chosen == null ? OutcomeDirection.WANTED : chosen,
                upliftOutcome != null));
    }

    private interface Part<T> {
        T make();
    }

    private static <T> T collect(List<TargetingInputException.Problem> problems, Part<T> part) {
        try {
            return part.make();
        } catch (TargetingInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
