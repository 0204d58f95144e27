// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The share of the customers a contact would otherwise lose (or of the outcome it would otherwise miss) that the
 * contact saves. One rate for everyone now; a per-customer rate read from an uplift model's column is the next case,
 * which is why it is a type of its own and not a bare number.
 */
public sealed interface SaveRate {
    /** How a row of a scores file with this header gives its customer's rate (NaN: none). */
    ToDoubleFunction<String[]> reader(List<String> header);

    /** The rate as the summary reports it. */
    Object describe();

    /** The same rate for every customer, 0 to 1. */
    record Constant(double rate) implements SaveRate {
        public Constant {
            if (!(rate >= 0 && rate <= 1)) {
                throw new TargetingInputException(TargetingField.SAVE_RATE, "the save rate must be a share between 0 and 1, got " + rate);
            }
        }

        @Override
        public ToDoubleFunction<String[]> reader(List<String> header) {
            return fields -> rate;
        }

        @Override
        public Object describe() {
            return rate;
        }
    }
}
