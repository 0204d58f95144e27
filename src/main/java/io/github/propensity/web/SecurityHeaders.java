// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.javalin.http.Context;

/**
 * Headers set on every response, the dashboard's and the API's alike. The policy allows only the server's own
 * script and styles (no inline code, so an injected string cannot run), no framing (clickjacking), and no referrer,
 * so a dashboard URL never leaves in another site's logs.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
