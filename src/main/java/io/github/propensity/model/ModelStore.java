// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.storage.BundleException;
import io.github.propensity.storage.BundleManifest;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.VersionedBundles;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model directory: {@code <root>/<task>/<version>/} bundles and a {@code <root>/<task>/CURRENT} pointer, kept by
 * {@link VersionedBundles} (staged, hashed, published by one rename, promoted by replacing the pointer), so a crash at
 * any point leaves the previous model current and no half-written bundle visible. This class knows what a model
 * bundle holds and how to load one.
 */
public final class ModelStore {
    public static final String FORMAT = "propensity-model-bundle";
    /**
     * Bumped when a change to the bundle layout would make older code misread newer bundles. 2: boosted trees are
     * stored as {@link BundleFiles#TREES} ({@code binary:logistic}) instead of a Tribuo model.
     */
    public static final int CURRENT_FORMAT_VERSION = 2;
    public static final String CURRENT_POINTER = VersionedBundles.CURRENT_POINTER;

    private final VersionedBundles bundles;
    private final ObjectMapper json = JsonMappers.standard();

    public ModelStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public ModelStore(Path root, Clock clock) {
        this.bundles = new VersionedBundles(root, clock, FORMAT, CURRENT_FORMAT_VERSION, "model bundle");
    }

    public Path root() {
        return bundles.root();
    }

    /** Writes a new bundle for the task, promotes it as current, and returns its version. */
    public String publish(Task task, BundleContents contents) {
        String version = bundles.publish(task.id(), contents.files(), contents.cards()::render);
        promote(task, version);
        return version;
    }

    /** Makes an existing, loadable version the current one (also the rollback command). */
    public void promote(Task task, String version) {
        load(task, version);
        bundles.point(task.id(), version);
    }

    public Optional<String> currentVersion(Task task) {
        return bundles.current(task.id());
    }

    public ModelBundle loadCurrent(Task task) {
        String version = currentVersion(task).orElseThrow(() -> new BundleException(
                "no " + task + " model in " + root() + "; train one with: propensity train --task " + task + " ..."));
        return load(task, version);
    }

    /** Loads and verifies one bundle. */
    public ModelBundle load(Task task, String version) {
        VersionedBundles.VerifiedBundle bundle = bundles.read(task.id(), version);
        Path directory = bundle.directory();
        Map<String, byte[]> files = bundle.files();
        String classifierFile = BundleFiles.classifierAmong(files.keySet()).orElseThrow(() -> new BundleException(directory
                + " is damaged: " + BundleManifest.FILE + " must list exactly one of " + String.join(", ", BundleFiles.CLASSIFIERS)));
        try {
            FeatureSchema schema = json.readValue(bundle.required(BundleFiles.FEATURES), FeatureSchema.class);
            Calibrator calibrator = json.readValue(bundle.required(BundleFiles.CALIBRATION), Calibrator.class);
            ScoreReference reference = json.readValue(bundle.required(BundleFiles.REFERENCE), ScoreReference.class);
            JsonNode card = json.readTree(bundle.required(BundleFiles.CARD_JSON));
            ReferenceProfile profile = files.containsKey(BundleFiles.PROFILE)
                    ? json.readValue(files.get(BundleFiles.PROFILE), ReferenceProfile.class) : null;
            TrainedClassifier classifier = readClassifier(directory, classifierFile, files.get(classifierFile), schema);
            PropensityModel model = new PropensityModel(schema, classifier, calibrator);
            return new ModelBundle(directory, bundle.manifest(), model, reference, profile, card);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BundleException(directory + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle of every task, oldest first within a task. */
    public List<BundleSummary> list() {
        List<BundleSummary> summaries = new ArrayList<>();
        for (Task task : Task.values()) {
            String current = currentVersion(task).orElse("");
            for (Path directory : bundles.versions(task.id())) {
                summaries.add(summarize(task, directory, current));
            }
        }
        return summaries;
    }

    /** Removes staging directories left behind by runs that crashed more than a day ago. */
    public int removeAbandonedStaging(Task task) {
        return bundles.removeAbandonedStaging(task.id());
    }

    private BundleSummary summarize(Task task, Path directory, String current) {
        String version = directory.getFileName().toString();
        try {
            BundleManifest manifest = bundles.manifest(directory);
            JsonNode card = json.readTree(VersionedBundles.file(directory, BundleFiles.CARD_JSON));
            return new BundleSummary(task.id(), version, version.equals(current), manifest.createdAt(),
                    CardSummary.of(card), null);
        } catch (BundleException | IOException e) {
            return new BundleSummary(task.id(), version, version.equals(current), null, CardSummary.unreadable(), e.getMessage());
        }
    }

    private static TrainedClassifier readClassifier(Path directory, String file, byte[] bytes, FeatureSchema schema) throws IOException {
        try {
            return switch (file) {
                case BundleFiles.TREES -> BoostedTrees.parse(bytes);
                case BundleFiles.LINEAR -> LinearModel.parse(bytes);
                default -> new TribuoClassifier(readTribuoModel(directory, bytes), schema.featureNames().toArray(String[]::new));
            };
        } catch (BundleException e) {
            throw new BundleException(directory.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> readTribuoModel(Path directory, byte[] bytes) throws IOException {
        Model<?> model;
        try {
            model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            // Tribuo reports damaged or foreign protobufs as IOException or IllegalState/IllegalArgument exceptions.
            throw new BundleException(directory.resolve(BundleFiles.MODEL) + " cannot be read: " + e.getMessage(), e);
        }
        if (!model.validate(Label.class)) {
            throw new BundleException(directory.resolve(BundleFiles.MODEL) + " is not a classification model");
        }
        return (Model<Label>) model;
    }
}
