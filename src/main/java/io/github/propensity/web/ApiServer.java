// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.BatchScorer;
import io.github.propensity.serving.CustomerScorer;
import io.github.propensity.serving.LookalikeService;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.Role;
import io.github.propensity.serving.SegmentLists;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.List;

/**
 * The HTTP API over the scoring services. Handlers only parse, call one service and render; every failure becomes
 * problem+json in {@link ProblemResponses}. The Javalin instance is exposed so tests speak real HTTP to it.
 */
public final class ApiServer {
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/health", null),
            new Route("GET", "/ready", null),
            new Route("GET", "/openapi.json", null),
            new Route("GET", "/metrics", Role.READ),
            new Route("POST", "/v1/score", Role.SCORE),
            new Route("POST", "/v1/score/{task}", Role.SCORE),
            new Route("POST", "/v1/lookalike", Role.SCORE),
            new Route("GET", "/v1/segments", Role.READ),
            new Route("GET", "/v1/segments/{name}/customers", Role.READ),
            new Route("GET", "/v1/models", Role.READ),
            new Route("GET", "/v1/models/{task}", Role.READ));

    private final Javalin app;
    private final ServerSettings settings;

    public ApiServer(ServerSettings settings, ModelRegistry registry, CustomerScorer scorer, SegmentLists segments,
                     LookalikeService lookalikes, ApiKeys keys) {
        this.settings = settings;
        ObjectMapper json = JsonMappers.standard().disable(SerializationFeature.INDENT_OUTPUT);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerMetrics metrics = new ServerMetrics(meters, registry::refreshFailures);
        ScoreHandlers score = new ScoreHandlers(registry, scorer, new BatchScorer(scorer), metrics, json);
        ReadHandlers read = new ReadHandlers(registry, segments, json);
        LookalikeHandler lookalike = new LookalikeHandler(lookalikes, json);
        Access access = new Access(keys, settings.keysRequired());
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.threadPool = threadPool();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http((ctx, millis) -> metrics.record(ctx, millis));
            RoutesConfig routes = config.routes;
            routes.before(ctx -> access.check(ctx, requiredRole(ctx)));
            routes.before(ctx -> requireBodyWithinLimit(ctx, settings.maxBodyBytes()));
            register(routes, "GET", "/health", ctx -> ctx.json(java.util.Map.of("status", "up")));
            register(routes, "GET", "/ready", read::ready);
            register(routes, "GET", "/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.bytes()));
            register(routes, "GET", "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape(registry.current())));
            register(routes, "POST", "/v1/score", score::scoreAll);
            register(routes, "POST", "/v1/score/{task}", score::scoreTask);
            register(routes, "POST", "/v1/lookalike", lookalike::build);
            register(routes, "GET", "/v1/segments", read::segments);
            register(routes, "GET", "/v1/segments/{name}/customers", read::segmentCustomers);
            register(routes, "GET", "/v1/models", read::models);
            register(routes, "GET", "/v1/models/{task}", read::modelCard);
            ProblemResponses.register(routes, json);
        });
    }

    /**
     * A small pool without reserved threads: on a two-core machine Jetty's default (up to 250 threads, reserved
     * threads spinning for the selector) spent most CPU in the kernel handing work between threads.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(32, 8, 60_000);
        pool.setName("http");
        pool.setReservedThreads(0);
        return pool;
    }

    private static void register(RoutesConfig routes, String method, String path, Handler handler) {
        switch (method) {
            case "GET" -> routes.get(path, handler);
            case "POST" -> routes.post(path, handler);
            default -> throw new IllegalArgumentException("unsupported method " + method);
        }
    }

    /** The role the matched route needs; unmatched paths need none (they end in 404 anyway). */
    private static Role requiredRole(Context ctx) {
        String path = ctx.path();
        for (Route route : ROUTES) {
            if (route.method().equals(ctx.method().name()) && matches(route.path(), path)) {
                return route.role();
            }
        }
        return null;
    }

    static boolean matches(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].startsWith("{") && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static void requireBodyWithinLimit(Context ctx, long limit) {
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    throw new ApiError(413, "Content too large", "the body is larger than the limit of " + limit + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new ApiError(400, "Bad request", "Content-Length is not a number");
            }
        }
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    public void stop() {
        app.stop();
    }

    public int port() {
        return app.port();
    }

    public String host() {
        return settings.host();
    }

    public Javalin javalin() {
        return app;
    }


}
