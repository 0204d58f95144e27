// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

/** An HTTP-level refusal raised by the web layer itself (auth, media type, body size). */
final class ApiError extends RuntimeException {
    private final int status;
    private final String title;

    ApiError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
