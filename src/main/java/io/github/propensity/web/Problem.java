// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

/** An RFC 9457 problem document: {@code application/problem+json}. */
record Problem(String type, String title, int status, String detail, String instance) {
    static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, String path) {
        return new Problem("about:blank", title, status, detail, path);
    }
}
