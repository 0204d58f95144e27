// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.CardSummary;
import io.github.propensity.storage.BundleException;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.VersionedBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Value bundles beside the propensity models: {@code <models>/value/<version>/} with {@code value.json}, the card
 * ({@code card.json}, {@code card.md}) and the manifest, and a {@code CURRENT} pointer; staged and published by the
 * same {@link VersionedBundles} as the models, so a crash never leaves a half-written value model current.
 */
public final class ValueStore {
    public static final String KIND = "value";
    public static final String FORMAT = "propensity-value-bundle";
    public static final int CURRENT_FORMAT_VERSION = 1;
    public static final String CARD_JSON = "card.json";
    public static final String CARD_MARKDOWN = "card.md";
    public static final String FAMILY = "BG/NBD + Gamma-Gamma";
    public static final String NBD_FAMILY = "NBD + Gamma-Gamma";

    private final VersionedBundles bundles;
    private final ObjectMapper json = JsonMappers.standard();

    public ValueStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public ValueStore(Path root, Clock clock) {
        this.bundles = new VersionedBundles(root, clock, FORMAT, CURRENT_FORMAT_VERSION, "value bundle");
    }

    public Path root() {
        return bundles.root();
    }

    /** Publishes a new value bundle, makes it current and returns its version. */
    public String publish(ValueFile file, VersionedBundles.CardRenderer cards) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(file);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + ValueFile.NAME + ": " + e.getMessage(), e);
        }
        String version = bundles.publish(KIND, Map.of(ValueFile.NAME, bytes), cards);
        promote(version);
        return version;
    }

    /** Makes an existing, loadable version current (also the rollback). */
    public void promote(String version) {
        load(version);
        bundles.point(KIND, version);
    }

    public Optional<String> currentVersion() {
        return bundles.current(KIND);
    }

    /** The published versions, oldest first. */
    public List<String> versions() {
        return bundles.versions(KIND).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** The current value bundle, if one was ever published. */
    public Optional<ValueBundle> current() {
        return currentVersion().map(this::load);
    }

    public ValueBundle loadCurrent() {
        return current().orElseThrow(() -> new BundleException("no value model in " + root()
                + "; fit one with: propensity value fit --transactions FILE ... --calibration-end DATE"));
    }

    public ValueBundle load(String version) {
        VersionedBundles.VerifiedBundle bundle = bundles.read(KIND, version);
        try {
            ValueFile file = json.readValue(bundle.required(ValueFile.NAME), ValueFile.class);
            JsonNode card = json.readTree(bundle.required(CARD_JSON));
            return new ValueBundle(bundle.directory(), version, bundle.manifest().createdAt(), file, card);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BundleException(bundle.directory() + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of {@code models list} per value bundle, oldest first; AUC is the holdout's "any purchase" AUC. */
    public List<BundleSummary> list() {
        List<BundleSummary> summaries = new ArrayList<>();
        String current = currentVersion().orElse("");
        for (Path directory : bundles.versions(KIND)) {
            String version = directory.getFileName().toString();
            try {
                BundleManifest manifest = bundles.manifest(directory);
                JsonNode card = json.readTree(VersionedBundles.file(directory, CARD_JSON));
                double auc = card.path("holdout").path("model").path("auc_any_purchase").asDouble(Double.NaN);
                String family = card.path("purchases").path("model").asText("").equals("nbd") ? NBD_FAMILY : FAMILY;
                CardSummary summary = new CardSummary(family, auc, Double.isNaN(auc) ? CardSummary.AucSplit.NONE : CardSummary.AucSplit.TEST,
                        card.path("data").path("file").asText(""));
                summaries.add(new BundleSummary(KIND, version, version.equals(current), manifest.createdAt(), summary, null));
            } catch (BundleException | IOException e) {
                summaries.add(new BundleSummary(KIND, version, version.equals(current), null, CardSummary.unreadable(), e.getMessage()));
            }
        }
        return summaries;
    }
}
