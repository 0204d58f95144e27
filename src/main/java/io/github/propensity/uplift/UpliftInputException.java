// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.PropensityException;

/**
 * An uplift setting that cannot work, naming the setting it came from by its command-line option (the CLI reports
 * it as a usage error). Problems in the data file itself are {@link io.github.propensity.data.DataException}s.
 */
public final class UpliftInputException extends PropensityException {
    private final String option;

    public UpliftInputException(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
