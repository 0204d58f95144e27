// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.lookalike.LookalikeInputException;
import io.github.propensity.serving.InvalidInputException;
import io.github.propensity.serving.NotFoundException;
import io.github.propensity.storage.BundleException;
import io.github.propensity.targeting.TargetingInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into {@code application/problem+json} responses (RFC 9457): bad input 400,
 * with the field named when a lookalike setting is at fault (every field, for targeting settings), missing or wrong key 401/403, unknown task or segment 404, body too large 413, wrong media type 415. Anything
 * else is a bug: 500 with a generic detail, logged with its stack trace (never with request data).
 */
final class ProblemResponses {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    static void register(RoutesConfig routes, ObjectMapper json) {
        routes.exception(InvalidInputException.class, (e, ctx) -> send(ctx, json, 400, "Bad request", e.getMessage()));
        routes.exception(LookalikeInputException.class, (e, ctx) -> sendField(ctx, json, e));
        routes.exception(TargetingInputException.class, (e, ctx) -> sendFields(ctx, json, e));
        routes.exception(JacksonException.class, (e, ctx) -> send(ctx, json, 400, "Bad request",
                "the body is not valid JSON" + location(e)));
        routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, json, 404, "Not found", e.getMessage()));
        // A damaged bundle (the value model is read on request) is the server's state, not the caller's mistake; the
        // detail leaves out the server's paths, which the log has.
        routes.exception(BundleException.class, (e, ctx) -> {
            log.error("unreadable bundle on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            send(ctx, json, 503, "Model unreadable", "a model this request needs cannot be read; the server log says why");
        });
        routes.exception(ApiError.class, (e, ctx) -> send(ctx, json, e.status(), e.title(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, json, e.getStatus(), title(e.getStatus()), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), ctx.endpoints().lastHttpEndpoint() == null ? "?" : ctx.endpoints().lastHttpEndpoint().path, e);
            send(ctx, json, 500, "Internal server error", "an unexpected error occurred; it has been logged");
        });
        routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
                send(ctx, json, 404, "Not found", "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /openapi.json)");
            }
        });
        routes.error(405, ctx -> send(ctx, json, 405, "Method not allowed", ctx.method() + " is not supported on " + ctx.path()));
    }

    static void send(Context ctx, ObjectMapper json, int status, String title, String detail) {
        try {
            ctx.status(status).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsBytes(Problem.of(status, title, detail, ctx.path())));
        } catch (JacksonException e) {
            throw new IllegalStateException("a problem document always serializes", e);
        }
    }

    /** A lookalike setting that cannot work: the detail and the {@code field} member name it as the body's JSON field. */
    private static void sendField(Context ctx, ObjectMapper json, LookalikeInputException e) {
        FieldProblem problem = FieldProblem.of(400, "Bad request", e.getMessage(), ctx.path(), e.field().key());
        try {
            ctx.status(400).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsBytes(problem));
        } catch (JacksonException failure) {
            throw new IllegalStateException("a problem document always serializes", failure);
        }
    }

    /** Targeting settings or a snapshot that cannot be targeted: every field at fault, each with its problem. */
    private static void sendFields(Context ctx, ObjectMapper json, TargetingInputException e) {
        FieldsProblem problem = FieldsProblem.of(400, "Bad request", ctx.path(), e.problems().stream()
                .map(p -> new FieldsProblem.FieldError(p.field().key(), p.message())).toList());
        try {
            ctx.status(400).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsBytes(problem));
        } catch (JacksonException failure) {
            throw new IllegalStateException("a problem document always serializes", failure);
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            default -> "HTTP " + status;
        };
    }
}
