// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.serving.ApiKeys;
import io.github.propensity.serving.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
    void everyRegisteredRouteNeedsAKeyExceptTheProbesTheApiDocumentAndTheDashboardShell() throws Exception {
        Set<String> open = Set.of("/health", "/ready", "/openapi.json", "/", "/static/{file}", "/docs", "/docs/{file}");
        Set<String> seenOpen = new TreeSet<>();
        List<Endpoint> routes = server.routes();
        assertTrue(routes.size() >= 11, "routes read from the server: " + routes.size());
        for (Endpoint route : routes) {
            String path = switch (route.path) {
                case "/static/{file}" -> "/static/dashboard.js";
                case "/docs/{file}" -> "/docs/swagger-ui.css";
                default -> route.path.replaceAll("\\{[^}]+}", "x");
            };
            HttpResponse<String> response = server.send(route.method.name(), path, null);
            if (open.contains(route.path)) {
                seenOpen.add(route.path);
                assertEquals(200, response.statusCode(), route.method + " " + route.path + " is public");
            } else {
                assertEquals(401, response.statusCode(), route.method + " " + route.path + " without a key: " + response.body());
            }
        }
        assertEquals(open, seenOpen);
    }

    @Test
    void aRouteRegisteredWithoutARoleIsRefusedEvenToAnAdminKey() throws Exception {
        for (boolean keysRequired : new boolean[]{true, false}) {
            Access access = new Access(ApiKeys.load(dir.resolve("keys.txt")), keysRequired);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                access.install(config.routes);
                config.routes.get("/v1/forgotten", ctx -> ctx.result("should not be reached"));
                config.routes.get("/v1/declared", ctx -> ctx.result("reached"), ApiRole.READ);
                config.routes.get("/v1/open", ctx -> ctx.result("reached"), ApiRole.PUBLIC);
                ProblemResponses.register(config.routes, new ObjectMapper());
            }).start("127.0.0.1", 0);
            try {
                HttpResponse<String> forgotten = get(app, "/v1/forgotten", adminKey);
                assertEquals(403, forgotten.statusCode(), "keys " + keysRequired);
                assertTrue(forgotten.body().contains("declares no access role"), forgotten.body());
                assertFalse(forgotten.body().contains("should not be reached"));
                assertEquals(200, get(app, "/v1/declared", readKey).statusCode());
                assertEquals(keysRequired ? 403 : 200, get(app, "/v1/declared", scoreKey).statusCode());
                assertEquals(200, get(app, "/v1/open", null).statusCode());
            } finally {
                app.stop();
            }
        }
    }

    private static HttpResponse<String> get(Javalin app, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindingBeyondLoopbackWithoutKeysIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings("0.0.0.0", 7070, 1 << 20, false));
        assertTrue(error.getMessage().contains("--keys"), error.getMessage());
    }
}
