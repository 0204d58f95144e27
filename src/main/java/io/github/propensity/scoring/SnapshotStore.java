// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.PropensityException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The snapshot directory: {@code <root>/<timestamp>/} complete snapshots and a {@code <root>/LATEST} pointer. A run
 * holds {@code <root>/.lock} while it works, builds its snapshot in a hidden staging directory and publishes it
 * with one atomic rename followed by an atomic pointer swap, so readers see the previous complete snapshot until
 * the new one is whole, and a killed run leaves only a staging directory that the next run removes.
 */
public final class SnapshotStore {
    public static final String LATEST = "LATEST";
    private static final String STAGING_PREFIX = ".staging-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public SnapshotStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The newest complete snapshot's directory, if any. */
    public Optional<Path> latest() {
        try {
            String name = Files.readString(root.resolve(LATEST), StandardCharsets.UTF_8).strip();
            Path directory = root.resolve(name);
            return name.isEmpty() || !Files.isDirectory(directory) ? Optional.empty() : Optional.of(directory);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(LATEST) + ": " + e.getMessage(), e);
        }
    }

    /** Takes the directory's lock for one run; fails at once when another run holds it. */
    public Lock lock() {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new SnapshotLockedException(root);
            }
            removeAbandonedStaging();
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root + ": " + e.getMessage(), e);
        }
    }

    /** A fresh hidden directory to build a snapshot in. */
    public Path newStaging() {
        try {
            return Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory in " + root + ": " + e.getMessage(), e);
        }
    }

    /** A name for a snapshot made now: its UTC time, with a suffix if a snapshot of that second exists. */
    public String nameFor(Instant createdAt) {
        String name = NAME.format(createdAt);
        for (int suffix = 2; Files.exists(root.resolve(name)); suffix++) {
            name = NAME.format(createdAt) + "-" + suffix;
        }
        return name;
    }

    /** Renames a finished staging directory into place under {@code name} and points {@code LATEST} at it. */
    public void publish(Path staging, String name) {
        try {
            Files.move(staging, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            Path pointer = root.resolve("." + LATEST + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(pointer, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(pointer, root.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the snapshot in " + root + ": " + e.getMessage(), e);
        }
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Staging directories exist only while their run holds the lock, so under the lock any left are abandoned. */
    private void removeAbandonedStaging() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path staging : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteRecursively(staging);
            }
        }
    }

    /** The held lock; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Another run is writing snapshots to the same directory. */
    public static final class SnapshotLockedException extends PropensityException {
        SnapshotLockedException(Path root) {
            super("another scoring run is writing to " + root + " (it holds " + root.resolve(".lock")
                    + "); wait for it to finish");
        }
    }
}
