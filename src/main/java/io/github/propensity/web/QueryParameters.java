// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.InvalidInputException;
import io.javalin.http.Handler;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters a route accepts, declared where it is registered. Any other parameter is a 400 naming it:
 * a misspelt {@code sort} or {@code limit} silently ignored would hand back a list the caller did not ask for.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    static Handler only(List<String> accepted, Handler handler) {
        Set<String> names = Set.copyOf(accepted);
        return ctx -> {
            for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
                if (!names.contains(name)) {
                    throw new InvalidInputException("unknown query parameter '" + name + "'; " + (accepted.isEmpty()
                            ? "this endpoint takes none" : "this endpoint takes " + String.join(", ", accepted)));
                }
            }
            handler.handle(ctx);
        };
    }
}
