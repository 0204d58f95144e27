// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void reloadsModelsUnderConcurrentLoadWithoutAFailedRequest() throws Exception {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        ModelStore store = new ModelStore(models);
        List<String> versions = store.list().stream().filter(s -> s.task().equals("churn")).map(s -> s.version()).toList();
        assertTrue(versions.size() >= 2, "the committed models hold two churn versions");
        try (TestServer server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            AtomicInteger requests = new AtomicInteger();
            Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                futures.add(clients.submit(() -> {
                    while (running.get() && requests.get() < 20_000) {
                        try {
                            HttpResponse<String> response = server.post("/v1/score/churn", "application/json",
                                    "{\"days_since_last_login\": 30, \"plan\": \"basic\"}", null);
                            requests.incrementAndGet();
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
                            } else {
                                int at = response.body().indexOf("\"model_version\":\"");
                                versionsSeen.add(response.body().substring(at + 17, at + 42));
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                    return null;
                }));
            }
            // Roll back and forward a few times while the clients hammer the endpoint.
            for (int swap = 0; swap < 6; swap++) {
                Thread.sleep(300);
                store.promote(Task.CHURN, versions.get(swap % versions.size()));
            }
            Thread.sleep(500);
            running.set(false);
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertEquals(0, failures.get(), "failed requests during reloads, the first: " + firstFailure.get());
            assertTrue(requests.get() > 100, "the load ran: " + requests.get());
            assertTrue(versionsSeen.containsAll(versions), "both versions were served: " + versionsSeen);
        }
    }

    @Test
    void garbledBodiesNeverCauseAServerError() throws Exception {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        Random random = new Random(2026);
        List<String> bodies = new ArrayList<>(List.of("", "null", "true", "\"text\"", "{\"tenure_days\": 1e400}",
                "{\"tenure_days\": -1e308}", "{\"tenure_days\": 123456789012345678901234567890}", "{\"plan\": {\"a\": 1}}",
                "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000), "{\"tenure_days\": NaN}", "[[], {}, null]",
                "{\"sessions_30d\": \"\\u0000\"}", "{\"plan\": \"" + "x".repeat(10_000) + "\"}", "\uFEFF{}"));
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(400)];
            random.nextBytes(garbage);
            bodies.add(new String(garbage, StandardCharsets.ISO_8859_1));
        }
        try (TestServer server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20)) {
            for (String body : bodies) {
                for (String path : new String[]{"/v1/score/churn", "/v1/score"}) {
                    for (String type : new String[]{"application/json", "text/csv"}) {
                        int status = server.post(path, type, body, null).statusCode();
                        assertTrue(status < 500, status + " for " + type + " body " + body.substring(0, Math.min(60, body.length())));
                    }
                }
            }
        }
    }
}
