// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.PropensityException;

/** An unknown task, segment or model, or a resource that does not exist yet (no model, no snapshot). */
public final class NotFoundException extends PropensityException {
    public NotFoundException(String message) {
        super(message);
    }
}
