// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.backtest.BacktestFixtures;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.lookalike.PoolSource;
import io.github.propensity.scoring.SegmentPolicy;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.CustomerScorer;
import io.github.propensity.serving.LookalikeService;
import io.github.propensity.serving.ModelRegistry;
import io.github.propensity.serving.PoolRegistry;
import io.github.propensity.serving.SegmentLists;
import io.github.propensity.serving.SnapshotHistory;
import io.github.propensity.serving.TargetingService;
import io.github.propensity.targeting.ContactPlanner;
import io.javalin.router.Endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real server on a free loopback port over a copy of the committed models, and a client for it. */
final class TestServer implements AutoCloseable {
    final ApiServer server;
    final ModelRegistry registry;
    final Optional<PoolRegistry> pools;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path models, Path snapshots, ApiKeys keys, long maxBody) {
        this(models, snapshots, keys, maxBody, null);
    }

    /** @param pool the customer base for lookalike requests, or null */
    TestServer(Path models, Path snapshots, ApiKeys keys, long maxBody, Path pool) {
        registry = new ModelRegistry(models, snapshots, SegmentPolicy.defaults().bands(), 100);
        pools = Optional.ofNullable(pool).map(file -> PoolRegistry.start(
                PoolSource.of(file, "customer_id", List.of("churned", "purchased_30d", "converted"), true), 100));
        LookalikeService lookalikes = pools.map(LookalikeService::over).orElseGet(LookalikeService::withoutPool);
        server = new ApiServer(new ServerSettings("127.0.0.1", 0, maxBody, keys != null), registry,
                new CustomerScorer(SegmentPolicy.defaults()), new SegmentLists(SegmentPolicy.defaults()), lookalikes,
                new TargetingService(new ContactPlanner()), new BacktestLedger(snapshots), new SnapshotHistory(snapshots), keys).start();
    }

    /** The HTTP routes as registered in the running Javalin instance (not before/after handlers). */
    List<Endpoint> routes() {
        return server.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .toList();
    }

    static void copyModels(Path target) throws IOException {
        BacktestFixtures.copyModels(target);
    }

    HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request of any method with an empty body, as a client probing a route would send. */
    HttpResponse<String> send(String method, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.stop();
        registry.close();
        pools.ifPresent(PoolRegistry::close);
    }
}
