// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.backtest.BacktestLedger;
import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /v1/backtests} and the backtest gauges, over a ledger the backtest command would have written. */
class BacktestEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestServer server;
    static String readKey;
    static String scoreKey;

    @BeforeAll
    static void start() throws IOException {
        Path keys = dir.resolve("keys.txt");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        scoreKey = ApiKeys.add(keys, Role.SCORE, "crm");
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Files.writeString(snapshots.resolve(BacktestLedger.FILE), String.join("\n",
                entry("churn", "20261103T060000Z", 0.74, ""),
                entry("purchase", "20261103T060000Z", 0.69, ""),
                entry("churn", "20261110T060000Z", 0.61, "{\"kind\":\"auc_drop\",\"message\":\"realized AUC 0.61 is below the card's\"}")) + "\n");
        server = new TestServer(models, snapshots, ApiKeys.load(keys), 1 << 20);
    }

    private static String entry(String task, String snapshot, double auc, String flag) {
        return "{\"task\":\"" + task + "\",\"snapshot\":\"" + snapshot + "\",\"realized\":{\"auc\":" + auc + "},\"flags\":[" + flag + "]}";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> snapshotsOf(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        List<String> snapshots = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(response.body()).path("backtests")) {
            snapshots.add(entry.path("task").asText() + "@" + entry.path("snapshot").asText());
        }
        return snapshots;
    }

    @Test
    void returnsTheLedgerOldestFirstAndFilteredByTask() throws Exception {
        assertEquals(List.of("churn@20261103T060000Z", "purchase@20261103T060000Z", "churn@20261110T060000Z"),
                snapshotsOf(server.get("/v1/backtests", readKey)));
        assertEquals(List.of("churn@20261103T060000Z", "churn@20261110T060000Z"), snapshotsOf(server.get("/v1/backtests?task=churn", readKey)));
        assertEquals(List.of(), snapshotsOf(server.get("/v1/backtests?task=conversion", readKey)));
        HttpResponse<String> unknown = server.get("/v1/backtests?task=loyalty", readKey);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("unknown task 'loyalty'"), unknown.body());
    }

    @Test
    void needsAKeyThatMayRead() throws Exception {
        assertEquals(401, server.get("/v1/backtests", null).statusCode());
        assertEquals(403, server.get("/v1/backtests", scoreKey).statusCode());
        assertEquals(200, server.get("/v1/backtests", readKey).statusCode());
    }

    @Test
    void metricsShowWhetherTheLatestBacktestOfEachTaskWasFlaggedAndItsAuc() throws Exception {
        String metrics = server.get("/metrics", readKey).body();
        assertTrue(metrics.contains("propensity_backtest_flagged{task=\"churn\"} 1.0"), metrics);
        assertTrue(metrics.contains("propensity_backtest_flagged{task=\"purchase\"} 0.0"), metrics);
        assertTrue(metrics.contains("propensity_backtest_auc{task=\"churn\"} 0.61"), metrics);
        assertTrue(metrics.contains("propensity_backtest_auc{task=\"purchase\"} 0.69"), metrics);
    }
}
