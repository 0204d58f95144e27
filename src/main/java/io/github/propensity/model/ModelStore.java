// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.Pointer;
import io.github.propensity.storage.Sha256;
import io.github.propensity.storage.StagedDirectory;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model directory: {@code <root>/<task>/<version>/} bundles and a {@code <root>/<task>/CURRENT} pointer.
 * <p>
 * Publishing writes a bundle into a {@link StagedDirectory}, writes the manifest last and publishes the directory
 * (every file forced to disk, one atomic rename); promotion replaces the {@link Pointer} file atomically. A crash at
 * any point therefore leaves the previous model current and no half-written bundle visible: readers only ever see
 * directories that were complete when they appeared. Versions are named from the injected clock.
 */
public final class ModelStore {
    public static final String CURRENT_POINTER = "CURRENT";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = JsonMappers.standard();

    public ModelStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public ModelStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** Writes a new bundle for the task, promotes it as current, and returns its version. */
    public String publish(Task task, BundleContents contents) {
        Path taskDirectory = root.resolve(task.id());
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            String version = VERSION_TIME.format(createdAt) + "-" + contentHash(contents.files()).substring(0, 8);
            if (Files.isDirectory(taskDirectory.resolve(version))) {
                // Same second, same bytes: the same model was trained twice; promoting the existing one is enough.
                promote(task, version);
                return version;
            }
            try (StagedDirectory staging = StagedDirectory.create(taskDirectory)) {
                Map<String, byte[]> files = new LinkedHashMap<>(contents.files());
                files.putAll(contents.cards().render(version, createdAt));
                Map<String, String> hashes = new LinkedHashMap<>();
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Files.write(staging.path().resolve(file.getKey()), file.getValue(), StandardOpenOption.CREATE_NEW);
                    hashes.put(file.getKey(), Sha256.hex(file.getValue()));
                }
                BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, BundleManifest.CURRENT_FORMAT_VERSION,
                        task.id(), version, createdAt, hashes);
                Files.write(staging.path().resolve(BundleFiles.MANIFEST), json.writeValueAsBytes(manifest), StandardOpenOption.CREATE_NEW);
                staging.publishAs(version);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(e.getFile() + " appeared while publishing; another training run is writing the same version", e);
            }
            promote(task, version);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a model bundle under " + taskDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing, loadable version the current one (also the rollback command). */
    public void promote(Task task, String version) {
        load(task, version);
        try {
            pointer(task).set(version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot promote " + task + " " + version + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> currentVersion(Task task) {
        Pointer pointer = pointer(task);
        try {
            return pointer.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer.file() + ": " + e.getMessage(), e);
        }
    }

    private Pointer pointer(Task task) {
        return new Pointer(root.resolve(task.id()).resolve(CURRENT_POINTER));
    }

    public ModelBundle loadCurrent(Task task) {
        String version = currentVersion(task).orElseThrow(() -> new BundleException(
                "no " + task + " model in " + root + "; train one with: propensity train --task " + task + " ..."));
        return load(task, version);
    }

    /** Loads and verifies one bundle. */
    public ModelBundle load(Task task, String version) {
        if (!version.matches("[0-9A-Za-z._-]+") || version.startsWith(".")) {
            throw new BundleException("invalid model version '" + version + "'");
        }
        Path directory = root.resolve(task.id()).resolve(version);
        if (!Files.isDirectory(directory)) {
            throw new BundleException("no " + task + " model version " + version + " in " + root.resolve(task.id())
                    + " (see: propensity models list)");
        }
        BundleManifest manifest = readManifest(directory);
        if (!task.id().equals(manifest.task()) || !version.equals(manifest.version())) {
            throw new BundleException(directory + ": the manifest describes " + manifest.task() + " " + manifest.version());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            byte[] bytes = readBundleFile(directory, entry.getKey());
            if (!Sha256.hex(bytes).equals(entry.getValue())) {
                throw new BundleException(directory.resolve(entry.getKey()) + " is damaged: its SHA-256 does not match bundle.json");
            }
            files.put(entry.getKey(), bytes);
        }
        String classifierFile = BundleFiles.classifierAmong(files.keySet()).orElseThrow(() -> new BundleException(directory
                + " is damaged: bundle.json must list exactly one of " + String.join(", ", BundleFiles.CLASSIFIERS)));
        for (String required : new String[]{BundleFiles.FEATURES, BundleFiles.CALIBRATION,
                BundleFiles.REFERENCE, BundleFiles.CARD_JSON}) {
            if (!files.containsKey(required)) {
                throw new BundleException(directory + " is incomplete: bundle.json lists no " + required);
            }
        }
        try {
            FeatureSchema schema = json.readValue(files.get(BundleFiles.FEATURES), FeatureSchema.class);
            Calibrator calibrator = json.readValue(files.get(BundleFiles.CALIBRATION), Calibrator.class);
            ScoreReference reference = json.readValue(files.get(BundleFiles.REFERENCE), ScoreReference.class);
            ReferenceProfile profile = files.containsKey(BundleFiles.PROFILE)
                    ? json.readValue(files.get(BundleFiles.PROFILE), ReferenceProfile.class) : null;
            JsonNode card = json.readTree(files.get(BundleFiles.CARD_JSON));
            TrainedClassifier classifier = readClassifier(directory, classifierFile, files.get(classifierFile), schema);
            PropensityModel model = new PropensityModel(schema, classifier, calibrator);
            return new ModelBundle(directory, manifest, model, reference, profile, card);
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
            Path taskDirectory = root.resolve(task.id());
            if (!Files.isDirectory(taskDirectory)) {
                continue;
            }
            String current = currentVersion(task).orElse(null);
            try (Stream<Path> entries = Files.list(taskDirectory)) {
                for (Path directory : entries.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                    summaries.add(summarize(task, directory, current));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return summaries;
    }

    /** Removes staging directories left behind by runs that crashed more than a day ago. */
    public int removeAbandonedStaging(Task task) {
        try {
            return StagedDirectory.removeAbandoned(root.resolve(task.id()), clock.instant().minus(1, ChronoUnit.DAYS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove abandoned staging directories under " + root.resolve(task.id())
                    + ": " + e.getMessage(), e);
        }
    }

    private BundleSummary summarize(Task task, Path directory, String current) {
        String version = directory.getFileName().toString();
        try {
            BundleManifest manifest = readManifest(directory);
            JsonNode card = json.readTree(readBundleFile(directory, BundleFiles.CARD_JSON));
            return new BundleSummary(task.id(), version, version.equals(current), manifest.createdAt(),
                    CardSummary.of(card), null);
        } catch (BundleException | IOException e) {
            return new BundleSummary(task.id(), version, version.equals(current), null, CardSummary.unreadable(), e.getMessage());
        }
    }

    private BundleManifest readManifest(Path directory) {
        byte[] bytes = readBundleFile(directory, BundleFiles.MANIFEST);
        BundleManifest manifest;
        try {
            manifest = json.readValue(bytes, BundleManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(directory.resolve(BundleFiles.MANIFEST) + " is damaged: " + e.getMessage(), e);
        }
        if (!BundleManifest.FORMAT.equals(manifest.format())) {
            throw new BundleException(directory + " is not a propensity model bundle (format '" + manifest.format() + "')");
        }
        if (manifest.formatVersion() > BundleManifest.CURRENT_FORMAT_VERSION || manifest.formatVersion() < 1) {
            throw new BundleException(directory + " has bundle format version " + manifest.formatVersion()
                    + "; this build reads versions 1 to " + BundleManifest.CURRENT_FORMAT_VERSION + " (upgrade propensity)");
        }
        return manifest;
    }

    private static byte[] readBundleFile(Path directory, String name) {
        Path file = directory.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(directory + " is damaged or incomplete: " + name + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
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

    private static String contentHash(Map<String, byte[]> files) {
        MessageDigest digest = Sha256.newDigest();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(file.getValue());
        });
        return Sha256.hex(digest);
    }
}
