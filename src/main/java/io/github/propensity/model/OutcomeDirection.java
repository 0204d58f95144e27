// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Locale;

/**
 * Whether a campaign's outcome (the uplift model's label) is one the business wants more of or less of. Uplift is
 * P(outcome | contacted) - P(outcome | not contacted) whatever the label means, so the same +0.05 is a gain for a
 * purchase campaign and a loss for a retention campaign trained on churn; the direction turns it into a gain.
 */
public enum OutcomeDirection {
    /** A purchase, visit or conversion: the contact should raise it; the gain is +uplift x clv. */
    WANTED("wanted", 1),
    /** Churn: the contact should lower it; the gain is -uplift x clv. */
    UNWANTED("unwanted", -1);

    private final String id;
    private final int sign;

    OutcomeDirection(String id, int sign) {
        this.id = id;
        this.sign = sign;
    }

    public String id() {
        return id;
    }

    /** +1 or -1: what the uplift is multiplied by to give the share of the customer's value the contact gains. */
    public int sign() {
        return sign;
    }

    /** The direction a task's own outcome has: churn is unwanted, a purchase or conversion wanted. */
    public static OutcomeDirection of(Task task) {
        return switch (task) {
            case CHURN -> UNWANTED;
            case PURCHASE, CONVERSION -> WANTED;
        };
    }

    /** @throws IllegalArgumentException naming the two choices */
    public static OutcomeDirection parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (OutcomeDirection direction : values()) {
            if (direction.id.equals(wanted)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown uplift outcome '" + text + "'; expected wanted (the campaign should raise it:"
                + " a purchase, visit, conversion) or unwanted (it should lower it: churn)");
    }

    @Override
    public String toString() {
        return id;
    }
}
