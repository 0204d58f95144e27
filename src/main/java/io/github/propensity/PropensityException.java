// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity;

/**
 * Base of the domain failures the CLI and the server translate for users. Each subclass names a kind of failure that
 * maps to one exit code or HTTP status in a single place (the CLI's error handler, the web error mapper).
 */
public abstract class PropensityException extends RuntimeException {
    protected PropensityException(String message) {
        super(message);
    }

    protected PropensityException(String message, Throwable cause) {
        super(message, cause);
    }
}
