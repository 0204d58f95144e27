// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import io.github.propensity.PropensityException;

/** A model bundle that is missing, damaged, of an unknown format, or a version that does not exist. */
public final class BundleException extends PropensityException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
