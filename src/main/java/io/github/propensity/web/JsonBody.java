// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.InvalidInputException;
import io.javalin.http.Context;

import java.util.Locale;

/** A request body that must be a JSON document: another media type is a 415, an empty body a 400 showing one. */
final class JsonBody {
    private JsonBody() {
    }

    /** @param example a body that would do, for the refusal of an empty one */
    static byte[] of(Context ctx, String example) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiError(415, "Unsupported media type", "send application/json, not " + (type.isEmpty() ? "no Content-Type" : type));
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new InvalidInputException("the body is empty; send " + example);
        }
        return body;
    }
}
