// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

/** What caps the number of customers contacted besides their expected net value: nothing, a budget or a count. */
public sealed interface ContactLimit {
    /**
     * The most customers this limit lets a campaign contact.
     *
     * @param offerCost what one contact costs
     * @param available customers there are to contact
     */
    long cutoff(double offerCost, long available);

    /** No cap: every customer worth contacting. */
    record None() implements ContactLimit {
        @Override
        public long cutoff(double offerCost, long available) {
            return available;
        }
    }

    /** A budget: floor(budget / offer cost) contacts, every one when contacts cost nothing. */
    record Budget(double amount) implements ContactLimit {
        public Budget {
            if (!(amount >= 0 && Double.isFinite(amount))) {
                throw new TargetingInputException(TargetingField.BUDGET, "the budget must be a finite amount of at least 0, got " + amount);
            }
        }

        @Override
        public long cutoff(double offerCost, long available) {
            return offerCost == 0 ? available : (long) Math.min(available, Math.floor(amount / offerCost));
        }
    }

    /** At most this many contacts. */
    record MaxCustomers(long count) implements ContactLimit {
        public MaxCustomers {
            if (count < 0) {
                throw new TargetingInputException(TargetingField.MAX_CUSTOMERS, "max customers must be at least 0, got " + count);
            }
        }

        @Override
        public long cutoff(double offerCost, long available) {
            return Math.min(available, count);
        }
    }
}
