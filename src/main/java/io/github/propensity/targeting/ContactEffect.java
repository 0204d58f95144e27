// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.uplift.CampaignName;

import java.util.Objects;

/**
 * What a contact is assumed to do to a customer's outcome, which decides the value it brings: a flat share of the
 * customers it would otherwise miss, or each customer's predicted uplift from a campaign's uplift model.
 */
public sealed interface ContactEffect {
    /** How the summary's {@code method} names it. */
    String method();

    /**
     * The same share for everyone: expected gain = P(task) x rate x clv.
     *
     * @param rate 0 to 1
     */
    record SaveRate(double rate) implements ContactEffect {
        public SaveRate {
            if (!(rate >= 0 && rate <= 1)) {
                throw new TargetingInputException(TargetingField.SAVE_RATE, "the save rate must be a share between 0 and 1, got " + rate);
            }
        }

        @Override
        public String method() {
            return "save_rate";
        }
    }

    /**
     * Each customer's predicted uplift from the snapshot's {@code <campaign>_uplift} column: expected gain =
     * sign x uplift x clv, the sign from {@code outcome}.
     *
     * @param stated whether the user gave the outcome's direction; when not, the direction the campaign's model was
     *               trained with (recorded in the snapshot's manifest) replaces the task's default
     */
    record Uplift(String campaign, OutcomeDirection outcome, boolean stated) implements ContactEffect {
        public Uplift {
            Objects.requireNonNull(outcome, "outcome");
            if (!CampaignName.isValid(campaign)) {
                throw new TargetingInputException(TargetingField.UPLIFT, "the uplift campaign must be 1-64 lower-case letters, digits or"
                        + " hyphens, starting with a letter or digit, as it was trained, got '" + campaign + "'");
            }
        }

        @Override
        public String method() {
            return "uplift";
        }

        /** The same campaign read in {@code direction}, as if stated. */
        public Uplift withOutcome(OutcomeDirection direction) {
            return new Uplift(campaign, direction, true);
        }

        public String upliftColumn() {
            return campaign + GainReader.UPLIFT_SUFFIX;
        }

        public String groupColumn() {
            return campaign + GainReader.GROUP_SUFFIX;
        }
    }
}
