// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.CardSummary;
import io.github.propensity.storage.BundleException;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.VersionedBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Value bundles published, listed, promoted and loaded, and refused when damaged or unknown. */
class ValueStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path root;

    private static ValueFile file(PurchaseModel purchases, double shift) {
        double[] percentiles = new double[ValueReference.POINTS];
        for (int p = 0; p < percentiles.length; p++) {
            percentiles[p] = shift + p * p / 7.0;
        }
        return new ValueFile(purchases, new GammaGamma(6.25, 3.74, 15.44), new ValueSettings(365, 0.1),
                LocalDate.of(2024, 3, 31), new ValueReference(percentiles));
    }

    private static VersionedBundles.CardRenderer card(String purchaseModel, String auc) {
        return (version, createdAt) -> Map.of(
                ValueStore.CARD_JSON, ("{\"version\":\"" + version + "\",\"purchases\":{\"model\":\"" + purchaseModel + "\"},"
                        + "\"data\":{\"file\":\"orders.csv\"},\"holdout\":" + (auc == null ? "null" : "{\"model\":{\"auc_any_purchase\":" + auc + "}}") + "}")
                        .getBytes(StandardCharsets.UTF_8),
                ValueStore.CARD_MARKDOWN, "# value model\n".getBytes(StandardCharsets.UTF_8));
    }

    private ValueStore store(Instant now) {
        return new ValueStore(root, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aPublishedBundleLoadsBackEqualAndIsCurrent() {
        ValueFile published = file(new BgNbd(0.243, 4.414, 0.793, 2.426), 0.125);
        String version = store(MONDAY).publish(published, card("bgnbd", "0.71"));
        assertTrue(version.startsWith("20261130T090000Z-"), version);
        for (String name : List.of(ValueFile.NAME, ValueStore.CARD_JSON, ValueStore.CARD_MARKDOWN, BundleManifest.FILE)) {
            assertTrue(Files.isRegularFile(root.resolve("value").resolve(version).resolve(name)), name);
        }
        ValueStore reopened = new ValueStore(root);
        assertEquals(version, reopened.currentVersion().orElseThrow());
        ValueBundle loaded = reopened.loadCurrent();
        assertEquals(published, loaded.file());
        assertEquals(published.purchases(), loaded.model().purchases());
        assertEquals(published.gammaGamma(), loaded.model().orderValue());
        assertEquals(published.settings(), loaded.model().settings());
        assertEquals(published.reference(), loaded.reference());
        assertEquals(LocalDate.of(2024, 3, 31), loaded.file().calibrationEnd());
        assertEquals(version, loaded.card().path("version").asText());
    }

    @Test
    void anNbdBundleKeepsItsModelKind() {
        ValueFile published = file(new Nbd(0.55, 10.58), 0);
        String version = store(MONDAY).publish(published, card("nbd", null));
        ValueBundle loaded = new ValueStore(root).load(version);
        assertEquals(new Nbd(0.55, 10.58), loaded.model().purchases());
        BundleSummary summary = new ValueStore(root).list().get(0);
        assertEquals(ValueStore.NBD_FAMILY, summary.card().family());
        assertTrue(Double.isNaN(summary.card().auc()));
        assertEquals(CardSummary.AucSplit.NONE, summary.card().aucSplit());
    }

    @Test
    void aDamagedValueFileIsCaughtByItsHash() throws IOException {
        String version = store(MONDAY).publish(file(new BgNbd(0.2, 4, 0.8, 2.4), 0), card("bgnbd", "0.7"));
        Path valueJson = root.resolve("value").resolve(version).resolve(ValueFile.NAME);
        String json = Files.readString(valueJson);
        assertTrue(json.contains("0.8"), json);
        Files.writeString(valueJson, json.replaceFirst("0\\.8", "0.9"));
        ValueStore store = new ValueStore(root);
        BundleException e = assertThrows(BundleException.class, () -> store.load(version));
        assertTrue(e.getMessage().contains(ValueFile.NAME + " is damaged: its SHA-256 does not match " + BundleManifest.FILE), e.getMessage());
        assertThrows(BundleException.class, store::loadCurrent);
    }

    @Test
    void theListShowsEveryValueBundleWithItsHoldoutAucAndMarksTheCurrentOne() {
        String first = store(MONDAY).publish(file(new BgNbd(0.2, 4, 0.8, 2.4), 0), card("bgnbd", "0.71"));
        String second = store(MONDAY.plusSeconds(60)).publish(file(new BgNbd(0.3, 5, 0.7, 2.1), 1), card("bgnbd", "0.74"));
        List<BundleSummary> list = new ValueStore(root).list();
        assertEquals(List.of(first, second), list.stream().map(BundleSummary::version).toList());
        BundleSummary older = list.get(0);
        BundleSummary newer = list.get(1);
        assertEquals("value", older.task());
        assertFalse(older.current());
        assertTrue(newer.current());
        assertEquals(MONDAY, older.createdAt());
        assertEquals(ValueStore.FAMILY, newer.card().family());
        assertEquals(0.74, newer.card().auc(), 0.0);
        assertEquals(CardSummary.AucSplit.TEST, newer.card().aucSplit());
        assertEquals("orders.csv", newer.card().dataFile());
        assertEquals(null, newer.problem());
    }

    @Test
    void aBundleWithoutItsCardIsListedAsDamaged() throws IOException {
        String version = store(MONDAY).publish(file(new BgNbd(0.2, 4, 0.8, 2.4), 0), card("bgnbd", "0.71"));
        Files.delete(root.resolve("value").resolve(version).resolve(ValueStore.CARD_JSON));
        BundleSummary summary = new ValueStore(root).list().get(0);
        assertTrue(summary.problem() != null && summary.problem().contains("card.json is missing"), String.valueOf(summary.problem()));
    }

    @Test
    void promoteRollsBackAndRefusesAnUnknownVersion() {
        String first = store(MONDAY).publish(file(new BgNbd(0.2, 4, 0.8, 2.4), 0), card("bgnbd", "0.71"));
        String second = store(MONDAY.plusSeconds(60)).publish(file(new BgNbd(0.3, 5, 0.7, 2.1), 1), card("bgnbd", "0.74"));
        ValueStore store = new ValueStore(root);
        assertEquals(second, store.currentVersion().orElseThrow());
        store.promote(first);
        assertEquals(first, store.currentVersion().orElseThrow());
        BundleException e = assertThrows(BundleException.class, () -> store.promote("20991231T000000Z-deadbeef"));
        assertTrue(e.getMessage().contains("no value model version 20991231T000000Z-deadbeef"), e.getMessage());
        assertThrows(BundleException.class, () -> store.promote("../purchase"));
        assertEquals(first, store.currentVersion().orElseThrow(), "a failed promote leaves the current version alone");
    }

    @Test
    void loadingTheCurrentModelOfAnEmptyStoreSaysHowToFitOne() {
        ValueStore store = new ValueStore(root);
        assertTrue(store.current().isEmpty());
        assertTrue(store.list().isEmpty());
        BundleException e = assertThrows(BundleException.class, store::loadCurrent);
        assertTrue(e.getMessage().contains("no value model in") && e.getMessage().contains("propensity value fit"), e.getMessage());
    }
}
