// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.Role;
import io.javalin.security.RouteRole;

import java.util.Locale;

/**
 * What a route needs, declared where the route is registered: a key of some role, or nothing ({@link #PUBLIC}, for
 * probes and the API document). A route that declares none of these is refused, so forgetting one closes an
 * endpoint instead of opening it.
 */
enum ApiRole implements RouteRole {
    PUBLIC, SCORE, READ, ADMIN;

    /** Whether a key of {@code role} may use a route that declares this. */
    boolean admits(Role role) {
        return switch (this) {
            case PUBLIC -> true;
            case SCORE -> role.allows(Role.SCORE);
            case READ -> role.allows(Role.READ);
            case ADMIN -> role.allows(Role.ADMIN);
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
