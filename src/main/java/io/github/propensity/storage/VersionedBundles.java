// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Versioned bundle folders of one format: {@code <root>/<kind>/<version>/} and a {@code <root>/<kind>/CURRENT}
 * pointer, for every kind of bundle the project publishes (a task's model, the value model).
 * <p>
 * Publishing writes the files into a {@link StagedDirectory}, the manifest last, and publishes the folder (every file
 * forced to disk, one atomic rename); {@link #point} replaces the {@link Pointer} atomically. A crash at any point
 * leaves the previous version current and no half-written bundle visible. Versions are named from the injected clock
 * and the content's hash, so publishing the same bytes twice in one second names the same version.
 */
public final class VersionedBundles {
    public static final String CURRENT_POINTER = "CURRENT";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;
    private final String format;
    private final int currentFormatVersion;
    private final String description;
    private final ObjectMapper json = JsonMappers.standard();

    /**
     * @param format               the manifest's {@code format}; folders of another format are refused
     * @param currentFormatVersion the newest layout this build writes and reads (it reads every older one)
     * @param description          what a bundle is, for messages ("model bundle", "value bundle")
     */
    public VersionedBundles(Path root, Clock clock, String format, int currentFormatVersion, String description) {
        this.root = root;
        this.clock = clock;
        this.format = format;
        this.currentFormatVersion = currentFormatVersion;
        this.description = description;
    }

    /** Renders card files (name to bytes) once the bundle's version and creation time are fixed. */
    @FunctionalInterface
    public interface CardRenderer {
        Map<String, byte[]> render(String version, Instant createdAt);
    }

    /** A bundle whose every file matched the manifest's hash. */
    public record VerifiedBundle(Path directory, BundleManifest manifest, Map<String, byte[]> files) {
        public VerifiedBundle {
            files = Map.copyOf(files);
        }

        /** A file the manifest must list, or a clear error. */
        public byte[] required(String name) {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                throw new BundleException(directory + " is incomplete: " + BundleManifest.FILE + " lists no " + name);
            }
            return bytes;
        }
    }

    public Path root() {
        return root;
    }

    /** Writes a new bundle of {@code kind} and returns its version; making it current is {@link #point}'s job. */
    public String publish(String kind, Map<String, byte[]> contents, CardRenderer cards) {
        Path kindDirectory = root.resolve(kind);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            String version = VERSION_TIME.format(createdAt) + "-" + contentHash(contents).substring(0, 8);
            if (Files.isDirectory(kindDirectory.resolve(version))) {
                // Same second, same bytes: the same bundle was made twice; the existing one is it.
                return version;
            }
            try (StagedDirectory staging = StagedDirectory.create(kindDirectory)) {
                Map<String, byte[]> files = new LinkedHashMap<>(contents);
                files.putAll(cards.render(version, createdAt));
                Map<String, String> hashes = new LinkedHashMap<>();
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Files.write(staging.path().resolve(file.getKey()), file.getValue(), StandardOpenOption.CREATE_NEW);
                    hashes.put(file.getKey(), Sha256.hex(file.getValue()));
                }
                BundleManifest manifest = new BundleManifest(format, currentFormatVersion, kind, version, createdAt, hashes);
                Files.write(staging.path().resolve(BundleManifest.FILE), json.writeValueAsBytes(manifest), StandardOpenOption.CREATE_NEW);
                staging.publishAs(version);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(e.getFile() + " appeared while publishing; another run is writing the same version", e);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + description + " under " + kindDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code version} the current one of {@code kind}; the caller has checked that it loads. */
    public void point(String kind, String version) {
        try {
            pointer(kind).set(version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + kind + " " + version + " current: " + e.getMessage(), e);
        }
    }

    public Optional<String> current(String kind) {
        Pointer pointer = pointer(kind);
        try {
            return pointer.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer.file() + ": " + e.getMessage(), e);
        }
    }

    private Pointer pointer(String kind) {
        return new Pointer(root.resolve(kind).resolve(CURRENT_POINTER));
    }

    /** Reads one bundle and checks its manifest and every file's hash. */
    public VerifiedBundle read(String kind, String version) {
        if (!version.matches("[0-9A-Za-z._-]+") || version.startsWith(".")) {
            throw new BundleException("invalid " + kind + " model version '" + version + "'");
        }
        Path directory = root.resolve(kind).resolve(version);
        if (!Files.isDirectory(directory)) {
            throw new BundleException("no " + kind + " model version " + version + " in " + root.resolve(kind) + " (see: propensity models list)");
        }
        BundleManifest manifest = manifest(directory);
        if (!kind.equals(manifest.task()) || !version.equals(manifest.version())) {
            throw new BundleException(directory + ": the manifest describes " + manifest.task() + " " + manifest.version());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            byte[] bytes = file(directory, entry.getKey());
            if (!Sha256.hex(bytes).equals(entry.getValue())) {
                throw new BundleException(directory.resolve(entry.getKey()) + " is damaged: its SHA-256 does not match " + BundleManifest.FILE);
            }
            files.put(entry.getKey(), bytes);
        }
        return new VerifiedBundle(directory, manifest, files);
    }

    /** The published version folders of {@code kind}, oldest first (staging folders are not versions). */
    public List<Path> versions(String kind) {
        Path kindDirectory = root.resolve(kind);
        if (!Files.isDirectory(kindDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(kindDirectory)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest of a version folder, checked for this store's format and a version this build can read. */
    public BundleManifest manifest(Path directory) {
        byte[] bytes = file(directory, BundleManifest.FILE);
        BundleManifest manifest;
        try {
            manifest = json.readValue(bytes, BundleManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(directory.resolve(BundleManifest.FILE) + " is damaged: " + e.getMessage(), e);
        }
        if (!format.equals(manifest.format())) {
            throw new BundleException(directory + " is not a propensity " + description + " (format '" + manifest.format() + "')");
        }
        if (manifest.formatVersion() > currentFormatVersion || manifest.formatVersion() < 1) {
            throw new BundleException(directory + " has bundle format version " + manifest.formatVersion()
                    + "; this build reads versions 1 to " + currentFormatVersion + " (upgrade propensity)");
        }
        return manifest;
    }

    /** One file of a bundle folder, or a clear error when it is missing. */
    public static byte[] file(Path directory, String name) {
        Path file = directory.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(directory + " is damaged or incomplete: " + name + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes staging folders of {@code kind} left behind by runs that crashed more than a day ago. */
    public int removeAbandonedStaging(String kind) {
        try {
            return StagedDirectory.removeAbandoned(root.resolve(kind), clock.instant().minus(1, ChronoUnit.DAYS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove abandoned staging directories under " + root.resolve(kind)
                    + ": " + e.getMessage(), e);
        }
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
