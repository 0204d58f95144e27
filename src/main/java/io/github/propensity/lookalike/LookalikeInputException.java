// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.PropensityException;

/**
 * An audience that cannot be built as asked, blamed on one setting: the problem says what is wrong and what to do,
 * and the field says which setting to change. Front ends add the field in their own words; the default message uses
 * its neutral key.
 */
public final class LookalikeInputException extends PropensityException {
    private final LookalikeField field;
    private final String problem;

    public LookalikeInputException(LookalikeField field, String problem) {
        super(problem + " (" + field.key() + ")");
        this.field = field;
        this.problem = problem;
    }

    public LookalikeField field() {
        return field;
    }

    /** The message without the field's name. */
    public String problem() {
        return problem;
    }
}
