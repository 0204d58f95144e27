// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.javalin.http.Context;

/** Checks {@code Authorization: Bearer <key>} against the keys file when keys are required. */
final class Access {
    private final ApiKeys keys;
    private final boolean required;

    Access(ApiKeys keys, boolean required) {
        if (required && keys == null) {
            throw new IllegalArgumentException("keys are required but no keys file was given");
        }
        this.keys = keys;
        this.required = required;
    }

    void check(Context ctx, Role needed) {
        if (!required || needed == null) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Unauthorized", "this endpoint needs an API key: Authorization: Bearer <key>");
        }
        Role role = keys.roleOf(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiError(401, "Unauthorized", "unknown API key");
        });
        if (!role.allows(needed)) {
            throw new ApiError(403, "Forbidden", "a " + role.label() + " key cannot use this endpoint; it needs the "
                    + needed.label() + " role");
        }
    }
}
