// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every matched route against the roles it was registered with, and {@code Authorization: Bearer <key>}
 * against the keys file when keys are required. Deny by default: a route registered without an {@link ApiRole} is
 * refused (403) whether or not keys are on, so the mistake shows on the first request in development.
 */
final class Access {
    private static final Logger log = LoggerFactory.getLogger(Access.class);

    private final ApiKeys keys;
    private final boolean required;

    Access(ApiKeys keys, boolean required) {
        if (required && keys == null) {
            throw new IllegalArgumentException("keys are required but no keys file was given");
        }
        this.keys = keys;
        this.required = required;
    }

    /** Runs the check before the handler of every matched route (unmatched paths end in 404 without it). */
    void install(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    void check(Context ctx) {
        Set<ApiRole> declared = declared(ctx.routeRoles());
        if (declared.isEmpty()) {
            // The raw path could carry identifiers, and the route template is not known here.
            log.error("refused a {} request to a route registered without a role: declare one where it is registered", ctx.method());
            throw new ApiError(403, "Forbidden", "this endpoint declares no access role, so it is closed");
        }
        if (declared.contains(ApiRole.PUBLIC) || !required) {
            return;
        }
        Role role = authenticate(ctx);
        if (declared.stream().noneMatch(needed -> needed.admits(role))) {
            throw new ApiError(403, "Forbidden", "a " + role.label() + " key cannot use this endpoint; it needs the "
                    + declared.stream().map(ApiRole::label).collect(Collectors.joining(" or ")) + " role");
        }
    }

    private Role authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "Unauthorized", "this endpoint needs an API key: Authorization: Bearer <key>");
        }
        return keys.roleOf(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ApiError(401, "Unauthorized", "unknown API key");
        });
    }

    private static Set<ApiRole> declared(Set<RouteRole> roles) {
        Set<ApiRole> declared = EnumSet.noneOf(ApiRole.class);
        for (RouteRole role : roles) {
            if (role instanceof ApiRole apiRole) {
                declared.add(apiRole);
            }
        }
        return declared;
    }
}
