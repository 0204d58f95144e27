// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.backtest.BacktestLedger;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prometheus metrics: request count and latency histogram per route (the route template, never the raw path,
 * which could carry identifiers), scores served per task, the model version in use per task, failed background model checks,
 * and per task whether the latest backtest was flagged and its realized AUC (read from the ledger at each scrape: a
 * small file, and a backtest run by cron shows up without a restart).
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry;
    private final MultiGauge modelInfo;
    private final MultiGauge backtestFlagged;
    private final MultiGauge backtestAuc;
    private final Supplier<Map<String, BacktestLedger.Latest>> latestBacktests;

    /**
     * @param refreshFailures model checks that failed so far (each one logged, the next one run as usual)
     * @param latestBacktests the latest backtest per task
     */
    ServerMetrics(PrometheusMeterRegistry registry, LongSupplier refreshFailures,
                  Supplier<Map<String, BacktestLedger.Latest>> latestBacktests) {
        this.registry = registry;
        this.latestBacktests = latestBacktests;
        this.backtestFlagged = MultiGauge.builder("propensity.backtest.flagged")
                .description("1 when the latest backtest of the task was flagged (AUC below the card's or ECE too high), else 0")
                .register(registry);
        this.backtestAuc = MultiGauge.builder("propensity.backtest.auc").description("realized AUC of the latest backtest of the task")
                .register(registry);
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
        List<MultiGauge.Row<?>> flagged = new ArrayList<>();
        List<MultiGauge.Row<?>> auc = new ArrayList<>();
        latestBacktests.get().forEach((task, latest) -> {
            flagged.add(MultiGauge.Row.of(Tags.of("task", task), latest.flagged() ? 1 : 0));
            auc.add(MultiGauge.Row.of(Tags.of("task", task), latest.auc()));
        });
        backtestFlagged.register(flagged, true);
        backtestAuc.register(auc, true);
        return registry.scrape();
    }
}
