// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiSecurityTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String scoreKey;
    static String readKey;
    static String adminKey;

    @BeforeAll
    static void start() throws IOException {
        Path keys = dir.resolve("keys.txt");
        scoreKey = ApiKeys.add(keys, Role.SCORE, "crm");
        readKey = ApiKeys.add(keys, Role.READ, "analysts");
        adminKey = ApiKeys.add(keys, Role.ADMIN, "ops");
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        server = new TestServer(models, dir.resolve("snapshots"), ApiKeys.load(keys), 1 << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theKeysFileHoldsOnlyHashes() throws IOException {
        String file = Files.readString(dir.resolve("keys.txt"));
        assertFalse(file.contains(scoreKey) || file.contains(readKey) || file.contains(adminKey));
        assertTrue(file.contains("score ") && file.contains(" crm"));
    }

    @Test
    void requestsWithoutAValidKeyAreRejected() throws Exception {
        assertEquals(401, server.post("/v1/score/churn", "application/json", "{}", null).statusCode());
        assertEquals(401, server.post("/v1/score/churn", "application/json", "{}", "pk_wrong").statusCode());
        assertEquals(401, server.get("/v1/models", null).statusCode());
        assertEquals(200, server.get("/health", null).statusCode(), "health checks need no key");
        assertEquals(200, server.get("/ready", null).statusCode());
    }

    @Test
    void rolesLimitWhatAKeyMayDo() throws Exception {
        assertEquals(200, server.post("/v1/score/churn", "application/json", "{}", scoreKey).statusCode());
        assertEquals(403, server.get("/v1/models", scoreKey).statusCode());
        assertEquals(200, server.get("/v1/models", readKey).statusCode());
        assertEquals(403, server.post("/v1/score/churn", "application/json", "{}", readKey).statusCode());
        assertEquals(200, server.post("/v1/score/churn", "application/json", "{}", adminKey).statusCode());
        assertEquals(200, server.get("/metrics", adminKey).statusCode());
    }

    @Test
    void bindingBeyondLoopbackWithoutKeysIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings("0.0.0.0", 7070, 1 << 20, false));
        assertTrue(error.getMessage().contains("--keys"), error.getMessage());
    }
}
