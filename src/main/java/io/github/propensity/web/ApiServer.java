// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.BatchScorer;
import io.github.propensity.serving.CustomerScorer;
import io.github.propensity.serving.LookalikeService;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.SegmentLists;
import io.github.propensity.serving.SnapshotHistory;
import io.github.propensity.serving.TargetingService;
import io.github.propensity.serving.UpliftService;
import io.github.propensity.serving.ValueModels;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API over the scoring services. Handlers only parse, call one service and render; every failure becomes
 * problem+json in {@link ProblemResponses}. The Javalin instance is exposed so tests speak real HTTP to it.
 */
public final class ApiServer {
    private final Javalin app;

    public ApiServer(ServerSettings settings, ModelRegistry registry, CustomerScorer scorer, SegmentLists segments,
                     LookalikeService lookalikes, TargetingService targeting, BacktestLedger backtests, SnapshotHistory history, ApiKeys keys) {
        ObjectMapper json = JsonMappers.standard().disable(SerializationFeature.INDENT_OUTPUT);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerMetrics metrics = new ServerMetrics(meters, registry::refreshFailures, backtests::latestPerTask);
        ScoreHandlers score = new ScoreHandlers(registry, scorer, new BatchScorer(scorer), new UpliftService(), metrics, json);
        ValueModels value = new ValueModels(registry.modelsRoot(), history);
        ReadHandlers read = new ReadHandlers(registry, segments, backtests, value, json);
        ValueHandlers valueRead = new ValueHandlers(value);
        LookalikeHandler lookalike = new LookalikeHandler(lookalikes, json);
        TargetHandler target = new TargetHandler(registry, targeting, json);
        SnapshotHandlers snapshots = new SnapshotHandlers(history);
        DashboardPage dashboard = new DashboardPage(settings.keysRequired(), lookalikes.hasPool());
        ApiDocsPage docs = new ApiDocsPage();
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
            routes.before(SecurityHeaders::apply);
            access.install(routes);
            routes.beforeMatched(ctx -> requireBodyWithinLimit(ctx, settings.maxBodyBytes()));
            route(routes, HandlerType.GET, "/health", ApiRole.PUBLIC, List.of(), ctx -> ctx.json(Map.of("status", "up")));
            route(routes, HandlerType.GET, "/ready", ApiRole.PUBLIC, List.of(), read::ready);
            route(routes, HandlerType.GET, "/openapi.json", ApiRole.PUBLIC, List.of(),
                    ctx -> ctx.contentType("application/json").result(OpenApiDocument.bytes()));
            // The dashboard's shell and files are public: they hold no data, which the page fetches with a READ key.
            route(routes, HandlerType.GET, "/", ApiRole.PUBLIC, List.of(), dashboard::page);
            route(routes, HandlerType.GET, "/static/{file}", ApiRole.PUBLIC, List.of(), DashboardPage::staticFile);
            route(routes, HandlerType.GET, "/docs", ApiRole.PUBLIC, List.of(), docs::page);
            route(routes, HandlerType.GET, "/docs/{file}", ApiRole.PUBLIC, List.of(), docs::file);
            route(routes, HandlerType.GET, "/metrics", ApiRole.READ, List.of(),
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape(registry.current())));
            route(routes, HandlerType.POST, "/v1/score", ApiRole.SCORE, List.of(), score::scoreAll);
            route(routes, HandlerType.POST, "/v1/score/{task}", ApiRole.SCORE, List.of("id"), score::scoreTask);
            route(routes, HandlerType.POST, "/v1/uplift/{campaign}", ApiRole.SCORE, List.of("id"), score::scoreUplift);
            route(routes, HandlerType.POST, "/v1/lookalike", ApiRole.SCORE, List.of("format"), lookalike::build);
            // Read, not score: it ranks the published snapshot under the caller's assumptions and scores nobody.
            route(routes, HandlerType.POST, "/v1/target", ApiRole.READ, List.of(), target::target);
            route(routes, HandlerType.GET, "/v1/segments", ApiRole.READ, List.of(), read::segments);
            route(routes, HandlerType.GET, "/v1/segments/{name}/customers", ApiRole.READ, ReadHandlers.SEGMENT_LIST_PARAMETERS,
                    read::segmentCustomers);
            route(routes, HandlerType.GET, "/v1/backtests", ApiRole.READ, List.of("task"), read::backtests);
            route(routes, HandlerType.GET, "/v1/personas", ApiRole.READ, List.of(), read::personas);
            route(routes, HandlerType.GET, "/v1/snapshots", ApiRole.READ, List.of(), snapshots::list);
            route(routes, HandlerType.GET, "/v1/snapshots/{id}/migration", ApiRole.READ, List.of("against"), snapshots::migration);
            route(routes, HandlerType.GET, "/v1/snapshots/{id}/migration/customers", ApiRole.READ,
                    List.of("against", "dimension", "from", "to"), snapshots::migrationCustomers);
            route(routes, HandlerType.GET, "/v1/snapshots/{id}/drift", ApiRole.READ, List.of(), snapshots::drift);
            route(routes, HandlerType.GET, "/v1/snapshots/{id}/value", ApiRole.READ, List.of(), valueRead::snapshotBands);
            route(routes, HandlerType.GET, "/v1/value", ApiRole.READ, List.of(), valueRead::current);
            route(routes, HandlerType.GET, "/v1/models", ApiRole.READ, List.of(), read::models);
            route(routes, HandlerType.GET, "/v1/models/{task}", ApiRole.READ, List.of("format"), read::modelCard);
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

    /** Registers a route with the role it needs and the query parameters it takes, both checked before it runs. */
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final long SWALLOWED_BODY_BYTES = 2L << 20;

    private static void route(RoutesConfig routes, HandlerType method, String path, ApiRole role, List<String> queryParameters,
                              Handler handler) {
        routes.addEndpoint(new Endpoint(method, path, QueryParameters.only(queryParameters, handler),
                Set.of(new Roles(Set.of(role)))));
    }

    private static void requireBodyWithinLimit(Context ctx, long limit) {
        String length = ctx.header("Content-Length");
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Bad request", "Content-Length is not a number");
        }
        if (declared > limit) {
            if (declared <= SWALLOWED_BODY_BYTES) {
                discardBody(ctx);
            }
            throw new ApiError(413, "Content too large", "the body is larger than the limit of " + limit + " bytes");
        }
    }

    /**
     * Reads and drops a refused body. Closing the connection on a client still sending makes TCP reset it, and the
     * client then sees a broken connection instead of the 413; as Tomcat's {@code maxSwallowSize}, bodies up to
     * {@link #SWALLOWED_BODY_BYTES} are read first, larger ones are cut off.
     */
    private static void discardBody(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client went away while sending; the 413 stays the answer for whoever is still listening.
            log.debug("refused body not read to its end: {}", e.getMessage());
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

    public Javalin javalin() {
        return app;
    }
}
