// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One targeting question: contact customers for {@code task} at {@code offerCost} a contact, saving
 * {@code saveRate} of what the contact addresses, within {@code limit}.
 *
 * @param offerCost what one contact costs, in the CLV's currency, at least 0
 */
public record TargetingRequest(Task task, double offerCost, SaveRate saveRate, ContactLimit limit) {
    public TargetingRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(saveRate, "saveRate");
        Objects.requireNonNull(limit, "limit");
        if (!(offerCost >= 0 && Double.isFinite(offerCost))) {
            throw new TargetingInputException(TargetingField.OFFER_COST, "the offer cost must be a finite amount of at least 0, got " + offerCost);
        }
    }

    /**
     * A request from settings as a front end read them (null: not given), naming every missing or bad one at once.
     *
     * @throws TargetingInputException listing each problem with its field
     */
    public static TargetingRequest of(String task, Double offerCost, Double saveRate, Double budget, Long maxCustomers) {
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
        SaveRate rate = null;
        if (saveRate == null) {
            problems.add(new TargetingInputException.Problem(TargetingField.SAVE_RATE, "the save rate is required (a share between 0 and 1)"));
        } else {
            rate = collect(problems, () -> new SaveRate.Constant(saveRate));
        }
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
        return new TargetingRequest(parsedTask, offerCost, rate, limit);
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
