// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import io.github.propensity.scoring.RescoreJob;
import io.github.propensity.scoring.RescoreRequest;
import io.github.propensity.scoring.ScoresDestination;
import io.github.propensity.scoring.ScoringInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.github.propensity.cli.Main;

/** The real {@code serve} process: picks up a new snapshot without a restart and stops gracefully on SIGTERM. */
class ServeProcessTest {
    @TempDir
    Path dir;

    @Test
    void picksUpANewSnapshotAndStopsGracefullyOnSigterm() throws Exception {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        Path snapshots = dir.resolve("snapshots");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--models", models.toString(), "--snapshots", snapshots.toString(), "--reload-interval", "200")
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");
        String port = null;
        for (int attempt = 0; attempt < 300 && port == null && process.isAlive(); attempt++) {
            Thread.sleep(100);
            Matcher matcher = serving.matcher(Files.readString(dir.resolve("serve.log")));
            if (matcher.find()) {
                port = matcher.group(1);
            }
        }
        assertNotNull(port, "the server did not report its port");
        HttpClient client = HttpClient.newHttpClient();
        URI segments = URI.create("http://127.0.0.1:" + port + "/v1/segments");
        assertTrue(client.send(HttpRequest.newBuilder(segments).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 404,
                "no snapshot yet");

        new RescoreJob().run(RescoreRequest.withDefaults(ScoringInput.of(Path.of("training-data", "customers.csv"), "customer_id"),
                models, new ScoresDestination.Snapshot(snapshots, false), 1));
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            Thread.sleep(100);
            status = client.send(HttpRequest.newBuilder(segments).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertTrue(status == 200, "the new snapshot was not picked up");

        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        String output = Files.readString(dir.resolve("serve.log"));
        assertTrue(output.contains("shutting down"), output);
        assertFalse(process.isAlive());
    }
}
