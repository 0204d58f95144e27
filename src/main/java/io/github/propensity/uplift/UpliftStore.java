// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.model.BoostedTrees;
import io.github.propensity.model.BundleFiles;
import io.github.propensity.model.CardSummary;
import io.github.propensity.model.BundleSummary;
import io.github.propensity.model.LinearModel;
import io.github.propensity.model.TrainedClassifier;
import io.github.propensity.model.UpliftGroups;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.model.UpliftStrategy;
import io.github.propensity.storage.BundleException;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.VersionedBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Uplift bundles in the model store: {@code <models>/uplift/<campaign>/<version>/} with {@code uplift.json},
 * {@code features.json}, the classifiers, the card and the manifest, and a {@code CURRENT} pointer per campaign;
 * staged and published by the same {@link VersionedBundles} as every other model.
 */
public final class UpliftStore {
    public static final String FORMAT = "propensity-uplift-bundle";
    public static final int CURRENT_FORMAT_VERSION = 1;
    private static final String CARD_JSON = BundleFiles.CARD_JSON;
    /** The folder under the model store that holds one folder per campaign. */
    public static final String KIND_FOLDER = "uplift";

    private final VersionedBundles bundles;
    private final ObjectMapper json = JsonMappers.standard();

    public UpliftStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public UpliftStore(Path root, Clock clock) {
        this.bundles = new VersionedBundles(root, clock, FORMAT, CURRENT_FORMAT_VERSION, "uplift bundle");
    }

    static String kind(String campaign) {
        return KIND_FOLDER + "/" + CampaignName.check(campaign);
    }

    /** Publishes the outcome's model as the campaign's new current version and returns the version. */
    public String publish(UpliftOutcome outcome) {
        UpliftModel model = outcome.model();
        UpliftRequest request = outcome.request();
        Map<String, byte[]> files = new LinkedHashMap<>();
        String treatedFile = UpliftFile.TREATED_PREFIX + model.treated().bundleFile();
        String controlFile = model.control() == null ? null : UpliftFile.CONTROL_PREFIX + model.control().bundleFile();
        UpliftFile file = new UpliftFile(request.campaign(), model.strategy().id(), request.arms().column(), request.arms().treated(),
                request.arms().control(), request.label().column(), request.label().positiveValue(), treatedFile, controlFile,
                model.groups().margin(), model.groups().controlRate(), model.groups().direction().id());
        files.put(UpliftFile.NAME, write(file));
        files.put(BundleFiles.FEATURES, write(model.schema()));
        files.put(treatedFile, model.treated().serialize());
        if (controlFile != null) {
            files.put(controlFile, model.control().serialize());
        }
        String kind = kind(request.campaign());
        bundles.removeAbandonedStaging(kind);
        String version = bundles.publish(kind, files, (v, createdAt) -> {
            Map<String, Object> card = UpliftCard.of(outcome, v, createdAt);
            Map<String, byte[]> cards = new LinkedHashMap<>();
            cards.put(CARD_JSON, write(card));
            cards.put(BundleFiles.CARD_MARKDOWN, UpliftCard.markdown(card).getBytes(StandardCharsets.UTF_8));
            return cards;
        });
        load(request.campaign(), version);
        bundles.point(kind, version);
        return version;
    }

    public Optional<String> currentVersion(String campaign) {
        return bundles.current(kind(campaign));
    }

    /**
     * Campaigns that have a current model, in name order: what a rescoring run or the server scores by default.
     * A folder whose name is not a campaign name is not a campaign (a stray or hidden folder).
     */
    public List<String> campaignsWithCurrent() {
        return campaigns().stream().filter(name -> currentVersion(name).isPresent()).toList();
    }

    /** Every campaign folder of the store, current model or not, in name order. */
    public List<String> campaigns() {
        Path campaigns = bundles.root().resolve(KIND_FOLDER);
        if (!Files.isDirectory(campaigns)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(campaigns)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(CampaignName::isValid).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + campaigns + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing, loadable version the campaign's current one (also the rollback). */
    public void promote(String campaign, String version) {
        load(campaign, version);
        bundles.point(kind(campaign), version);
    }

    /**
     * A line of {@code models list} per uplift bundle of every campaign, oldest first: the task column reads
     * {@code uplift/<campaign>}, and the figure is the Qini coefficient on rows the model did not train on (the
     * holdout's, else the winner's out-of-fold one).
     */
    public List<BundleSummary> list() {
        List<BundleSummary> summaries = new ArrayList<>();
        for (String campaign : campaigns()) {
            String kind = kind(campaign);
            String current = currentVersion(campaign).orElse("");
            for (Path directory : bundles.versions(kind)) {
                String version = directory.getFileName().toString();
                try {
                    BundleManifest manifest = bundles.manifest(directory);
                    JsonNode card = json.readTree(VersionedBundles.file(directory, CARD_JSON));
                    JsonNode figures = card.path("holdout").isObject() ? card.path("holdout") : card.path("out_of_sample");
                    CardSummary summary = new CardSummary("uplift " + card.path("strategy").asText("?"),
                            figures.path("qini").path("value").asDouble(Double.NaN), CardSummary.AucSplit.NONE,
                            card.path("data").path("file").asText(""));
                    summaries.add(new BundleSummary(kind, version, version.equals(current), manifest.createdAt(), summary, null));
                } catch (BundleException | IOException e) {
                    summaries.add(new BundleSummary(kind, version, version.equals(current), null, CardSummary.unreadable(), e.getMessage()));
                }
            }
        }
        return summaries;
    }

    public List<String> versions(String campaign) {
        return bundles.versions(kind(campaign)).stream().map(p -> p.getFileName().toString()).toList();
    }

    public UpliftBundle loadCurrent(String campaign) {
        return load(campaign, currentVersion(campaign).orElseThrow(() -> new BundleException("no uplift model for campaign '" + campaign
                + "' in " + bundles.root() + "; train one with: propensity uplift train --campaign " + campaign + " ...")));
    }

    public UpliftBundle load(String campaign, String version) {
        VersionedBundles.VerifiedBundle bundle = bundles.read(kind(campaign), version);
        try {
            UpliftFile file = json.readValue(bundle.required(UpliftFile.NAME), UpliftFile.class);
            FeatureSchema schema = json.readValue(bundle.required(BundleFiles.FEATURES), FeatureSchema.class);
            TrainedClassifier treated = classifier(file.treatedClassifier(), bundle.required(file.treatedClassifier()));
            TrainedClassifier control = file.controlClassifier() == null ? null
                    : classifier(file.controlClassifier(), bundle.required(file.controlClassifier()));
            UpliftStrategy strategy = file.parsedStrategy();
            JsonNode card = json.readTree(bundle.required(CARD_JSON));
            UpliftGroups groups = new UpliftGroups(file.groupMargin(), file.controlRate(), file.outcomeDirection());
            return new UpliftBundle(bundle.directory(), version, file, new UpliftModel(schema, strategy, treated, control, groups), card);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BundleException(bundle.directory() + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrainedClassifier classifier(String name, byte[] bytes) {
        return name.endsWith(BundleFiles.TREES) ? BoostedTrees.parse(bytes) : LinearModel.parse(bytes);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write an uplift bundle file: " + e.getMessage(), e);
        }
    }
}
