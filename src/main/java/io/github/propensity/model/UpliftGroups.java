// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

/**
 * How predicted uplift and the predicted response without contact map to the four {@link UpliftGroup}s:
 * uplift above {@code margin} is persuadable, below minus {@code margin} a sleeping dog; in between, a customer
 * whose response without contact is at least the control arm's response rate is a sure thing, else a lost cause.
 *
 * @param margin      the uplift (0-1, a difference of probabilities) a customer must exceed to count as moved
 * @param controlRate the control arm's response rate in the training rows
 */
public record UpliftGroups(double margin, double controlRate) {
    /** One percentage point: below it an e-mail's effect on one customer is not worth acting on. */
    public static final double DEFAULT_MARGIN = 0.01;

    public UpliftGroups {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("the group margin must be at least 0 and below 1, got " + margin);
        }
        if (!(controlRate >= 0 && controlRate <= 1)) {
            throw new IllegalArgumentException("the control response rate must lie in 0-1, got " + controlRate);
        }
    }

    public UpliftGroup of(double uplift, double controlResponse) {
        if (uplift > margin) {
            return UpliftGroup.PERSUADABLES;
        }
        if (uplift < -margin) {
            return UpliftGroup.SLEEPING_DOGS;
        }
        return controlResponse >= controlRate ? UpliftGroup.SURE_THINGS : UpliftGroup.LOST_CAUSES;
    }
}
