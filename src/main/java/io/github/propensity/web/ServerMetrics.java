// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.scoring.PreparedModel;
import io.github.propensity.serving.LoadedModels;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prometheus metrics: request count and latency histogram per route (the route template, never the raw path,
 * which could carry identifiers), scores served per task, the model version in use per task, and failed background model checks.
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry;
    private final MultiGauge modelInfo;

    /** @param refreshFailures model checks that failed so far (each one logged, the next one run as usual) */
    ServerMetrics(PrometheusMeterRegistry registry, LongSupplier refreshFailures) {
        this.registry = registry;
        this.modelInfo = MultiGauge.builder("propensity.model.info").description("1 for the model version served per task")
                .register(registry);
        FunctionCounter.builder("propensity.model.refresh.failures", refreshFailures, failures -> failures.getAsLong())
                .description("background model checks that failed; the served models stay as they were")
                .register(registry);
    }

    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("http.server.requests").description("HTTP requests by route")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.status().getCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    void scored(String task, int customers) {
        Counter.builder("propensity.scores").description("customers scored, per task").tag("task", task)
                .register(registry).increment(customers);
    }

    String scrape(LoadedModels models) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (PreparedModel model : models.models().values()) {
            rows.add(MultiGauge.Row.of(Tags.of("task", model.task().id(), "version", model.version()), 1));
        }
        modelInfo.register(rows, true);
        return registry.scrape();
    }
}
