// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A hidden folder beside the published ones ({@code .staging-<uuid>}) in which a writer builds a whole version;
 * {@link #publishAs} forces every file in it to disk and renames it into place in one atomic step, so readers
 * only ever see folders that were complete when they appeared. Closing it unpublished removes it; a crash leaves
 * it behind for {@link #removeAbandoned} to find.
 */
public final class StagedDirectory implements AutoCloseable {
    public static final String PREFIX = ".staging-";

    private final Path path;
    private boolean published;

    private StagedDirectory(Path path) {
        this.path = path;
    }

    /** A fresh staging folder in {@code parent} (created if missing). */
    public static StagedDirectory create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new StagedDirectory(Files.createDirectory(parent.resolve(PREFIX + UUID.randomUUID())));
    }

    /** A fresh scratch folder named {@code <prefix><random>}, never published, removed on close. */
    public static StagedDirectory scratch(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        return new StagedDirectory(Files.createTempDirectory(parent, prefix));
    }

    public Path path() {
        return path;
    }

    /**
     * Renames the folder to {@code name} beside it.
     *
     * @throws java.nio.file.FileAlreadyExistsException when that name is taken (another writer published it)
     */
    public Path publishAs(String name) throws IOException {
        if (published) {
            throw new IllegalStateException(path + " is already published");
        }
        Path parent = path.getParent();
        Path target = parent.resolve(name);
        Directories.forceFiles(path);
        Directories.force(path);
        Renames.publish(path, target);
        published = true;
        Directories.force(parent);
        return target;
    }

    /** Removes the folder unless it was published. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            Directories.deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }

    /** Removes every staging folder in {@code parent}: for callers that know no writer is running (they hold a lock). */
    public static int removeAbandoned(Path parent) throws IOException {
        return removeAbandoned(parent, Instant.MAX);
    }

    /** Removes the staging folders in {@code parent} last modified before {@code cutoff}; returns how many. */
    public static int removeAbandoned(Path parent, Instant cutoff) throws IOException {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        List<Path> staging;
        try (Stream<Path> entries = Files.list(parent)) {
            staging = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList();
        }
        int removed = 0;
        for (Path folder : staging) {
            if (Files.getLastModifiedTime(folder).toInstant().isBefore(cutoff)) {
                Directories.deleteRecursively(folder);
                removed++;
            }
        }
        return removed;
    }
}
