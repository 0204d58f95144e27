// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.Persona;
import io.github.propensity.model.PersonaModel;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.CardSummary;
import io.github.propensity.storage.BundleException;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.VersionedBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persona bundles beside the propensity and value models: {@code <models>/personas/<version>/} with
 * {@code personas.json}, the card ({@code card.json}, {@code card.md}) and the manifest, and a {@code CURRENT}
 * pointer; staged and published by the same {@link VersionedBundles}, so a crash never leaves a half-written model
 * current.
 */
public final class PersonaStore {
    public static final String KIND = "personas";
    public static final String FORMAT = "propensity-persona-bundle";
    public static final int CURRENT_FORMAT_VERSION = 1;
    public static final String MODEL = "personas.json";
    public static final String CARD_JSON = "card.json";
    public static final String CARD_MARKDOWN = "card.md";
    public static final String FAMILY = "k-means personas";

    private final VersionedBundles bundles;
    private final ObjectMapper json = JsonMappers.standard();

    public PersonaStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public PersonaStore(Path root, Clock clock) {
        this.bundles = new VersionedBundles(root, clock, FORMAT, CURRENT_FORMAT_VERSION, "persona bundle");
    }

    public Path root() {
        return bundles.root();
    }

    /** Publishes a fitted model with its card, makes it current and returns the published card. */
    public PersonaCard publish(PersonaFitter.Fit fit) {
        byte[] model;
        try {
            model = json.writeValueAsBytes(fit.model());
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + MODEL + ": " + e.getMessage(), e);
        }
        PersonaCard[] published = new PersonaCard[1];
        String version = bundles.publish(KIND, Map.of(MODEL, model), (v, createdAt) -> {
            published[0] = fit.card().withVersion(v, createdAt);
            try {
                return Map.of(CARD_JSON, json.writeValueAsBytes(published[0]),
                        CARD_MARKDOWN, PersonaCardMarkdown.render(published[0]).getBytes(StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                throw new IllegalStateException("cannot write the persona card: " + e.getMessage(), e);
            }
        });
        promote(version);
        return published[0] != null ? published[0] : load(version).card();
    }

    /** Makes an existing, loadable version current (also the rollback). */
    public void promote(String version) {
        load(version);
        bundles.point(KIND, version);
    }

    public Optional<String> currentVersion() {
        return bundles.current(KIND);
    }

    public Optional<PersonaBundle> current() {
        return currentVersion().map(this::load);
    }

    public PersonaBundle loadCurrent() {
        return current().orElseThrow(() -> new BundleException("no persona model in " + root()
                + "; fit one with: propensity personas fit --data FILE --id COLUMN"));
    }

    public PersonaBundle load(String version) {
        VersionedBundles.VerifiedBundle bundle = bundles.read(KIND, version);
        try {
            PersonaModel model = json.readValue(bundle.required(MODEL), PersonaModel.class);
            PersonaCard card = json.readValue(bundle.required(CARD_JSON), PersonaCard.class);
            return new PersonaBundle(bundle.directory(), version, model, card);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BundleException(bundle.directory() + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of {@code models list} per persona bundle, oldest first; no AUC (the card's figures are separation and stability). */
    public List<BundleSummary> list() {
        List<BundleSummary> summaries = new ArrayList<>();
        String current = currentVersion().orElse("");
        for (Path directory : bundles.versions(KIND)) {
            String version = directory.getFileName().toString();
            try {
                BundleManifest manifest = bundles.manifest(directory);
                PersonaCard card = json.readValue(VersionedBundles.file(directory, CARD_JSON), PersonaCard.class);
                CardSummary summary = new CardSummary(FAMILY + " (" + card.personas().size() + ")", Double.NaN,
                        CardSummary.AucSplit.NONE, card.data().file());
                summaries.add(new BundleSummary(KIND, version, version.equals(current), manifest.createdAt(), summary, null));
            } catch (BundleException | IOException e) {
                summaries.add(new BundleSummary(KIND, version, version.equals(current), null, CardSummary.unreadable(), e.getMessage()));
            }
        }
        return summaries;
    }
}
