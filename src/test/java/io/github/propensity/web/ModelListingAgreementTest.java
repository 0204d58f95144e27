// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.CardSummary;
import io.github.propensity.model.ModelStore;
import io.github.propensity.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code models list} and {@code GET /v1/models} read a card the same way, also one without test metrics. */
class ModelListingAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void storeListingAndHttpListingAgreeOnACardWithoutTestMetrics() throws Exception {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        String version = new ModelStore(models).currentVersion(Task.CHURN).orElseThrow();
        double crossValidatedAuc = dropTestMetrics(models.resolve("churn").resolve(version));

        BundleSummary listed = new ModelStore(models).list().stream()
                .filter(s -> s.task().equals("churn") && s.version().equals(version)).findFirst().orElseThrow();
        assertEquals(crossValidatedAuc, listed.card().auc());
        assertEquals(CardSummary.AucSplit.CROSS_VALIDATED, listed.card().aucSplit());

        try (TestServer server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20)) {
            JsonNode churn = null;
            for (JsonNode entry : JSON.readTree(server.get("/v1/models", null).body()).get("models")) {
                if (entry.get("task").asText().equals("churn")) {
                    churn = entry;
                }
            }
            assertEquals(version, churn.get("version").asText());
            assertEquals(listed.card().auc(), churn.get("auc").asDouble());
            assertEquals("cross_validated", churn.get("auc_split").asText());
            assertEquals(listed.card().family(), churn.get("family").asText());
            assertTrue(Double.isNaN(churn.get("test_auc").asDouble()), churn.toString());
        }
    }

    @Test
    void storeListingAndHttpListingAgreeOnACardWithTestMetrics() throws Exception {
        Path models = dir.resolve("models");
        TestServer.copyModels(models);
        String version = new ModelStore(models).currentVersion(Task.CHURN).orElseThrow();
        double testAuc = JSON.readTree(models.resolve("churn").resolve(version).resolve("card.json").toFile())
                .path("metrics").path("test").path("summary").path("auc").asDouble();
        BundleSummary listed = new ModelStore(models).list().stream()
                .filter(s -> s.task().equals("churn") && s.version().equals(version)).findFirst().orElseThrow();
        assertEquals(testAuc, listed.card().auc());
        try (TestServer server = new TestServer(models, dir.resolve("snapshots"), null, 1 << 20)) {
            for (JsonNode entry : JSON.readTree(server.get("/v1/models", null).body()).get("models")) {
                if (entry.get("task").asText().equals("churn")) {
                    assertEquals(testAuc, entry.get("auc").asDouble());
                    assertEquals(testAuc, entry.get("test_auc").asDouble());
                    assertEquals("test", entry.get("auc_split").asText());
                }
            }
        }
    }

    /** Rewrites the bundle as one trained without a holdout ({@code "test": null}); returns its cross-validated AUC. */
    private static double dropTestMetrics(Path bundle) throws Exception {
        ObjectNode card = (ObjectNode) JSON.readTree(bundle.resolve("card.json").toFile());
        ((ObjectNode) card.get("metrics")).putNull("test");
        byte[] bytes = JSON.writeValueAsBytes(card);
        Files.write(bundle.resolve("card.json"), bytes);
        ObjectNode manifest = (ObjectNode) JSON.readTree(bundle.resolve("bundle.json").toFile());
        ((ObjectNode) manifest.get("files")).put("card.json", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        Files.write(bundle.resolve("bundle.json"), JSON.writeValueAsBytes(manifest));
        return card.path("metrics").path("cross_validated").path("summary").path("auc").asDouble();
    }
}
