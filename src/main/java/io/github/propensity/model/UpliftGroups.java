// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * How predicted uplift and the predicted response without contact map to the four {@link UpliftGroup}s, in terms of
 * the response the business wants: the model's outcome when it is {@link OutcomeDirection#WANTED} (a visit, a
 * purchase), its absence when it is {@link OutcomeDirection#UNWANTED} (for a churn label, staying). A wanted response
 * raised by more than {@code margin} is persuadable, lowered by more than it a sleeping dog; in between, a customer
 * whose wanted response without contact is at least the control arm's is a sure thing, else a lost cause. So for a
 * retention campaign on a churn label, persuadables are the customers the contact keeps (uplift below -margin).
 *
 * @param margin      the uplift (0-1, a difference of probabilities) a customer must exceed to count as moved
 * @param controlRate the control arm's rate of the model's outcome in the training rows
 * @param direction   whether the model's outcome is the response wanted or the one to prevent
 */
public record UpliftGroups(double margin, double controlRate, OutcomeDirection direction) {
    /** One percentage point: below it an e-mail's effect on one customer is not worth acting on. */
    public static final double DEFAULT_MARGIN = 0.01;

    public UpliftGroups {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("the group margin must be at least 0 and below 1, got " + margin);
        }
        if (!(controlRate >= 0 && controlRate <= 1)) {
            throw new IllegalArgumentException("the control response rate must lie in 0-1, got " + controlRate);
        }
        java.util.Objects.requireNonNull(direction, "direction");
    }

    /**
     * @param uplift          predicted P(outcome | contacted) - P(outcome | not contacted)
     * @param controlResponse predicted P(outcome | not contacted)
     */
    public UpliftGroup of(double uplift, double controlResponse) {
        double gain = direction.sign() * uplift;
        if (gain > margin) {
            return UpliftGroup.PERSUADABLES;
        }
        if (gain < -margin) {
            return UpliftGroup.SLEEPING_DOGS;
        }
        boolean respondsAnyway = direction == OutcomeDirection.WANTED ? controlResponse >= controlRate : controlResponse <= controlRate;
        return respondsAnyway ? UpliftGroup.SURE_THINGS : UpliftGroup.LOST_CAUSES;
    }
}
