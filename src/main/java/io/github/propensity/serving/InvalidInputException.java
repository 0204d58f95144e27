// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.PropensityException;

/** A request body or parameter that cannot be used; the message says which field and why (never its value). */
public final class InvalidInputException extends PropensityException {
    public InvalidInputException(String message) {
        super(message);
    }
}
