// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.PropensityException;
import io.github.propensity.storage.Pointer;
import io.github.propensity.storage.StagedDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The snapshot directory: {@code <root>/<timestamp>/} complete snapshots and a {@code <root>/LATEST} pointer. A run
 * holds {@code <root>/.lock} while it works, builds its snapshot in a {@link StagedDirectory} and publishes it
 * with one atomic rename followed by an atomic {@link Pointer} swap, so readers see the previous complete snapshot until
 * the new one is whole, and a killed run leaves only a staging directory that the next run removes.
 */
public final class SnapshotStore {
    public static final String LATEST = "LATEST";
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
            return pointer().read().map(root::resolve).filter(Files::isDirectory);
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
            // Staging directories exist only while their run holds the lock, so under the lock any left are abandoned.
            StagedDirectory.removeAbandoned(root);
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root + ": " + e.getMessage(), e);
        }
    }

    /** A fresh hidden directory to build a snapshot in. */
    public StagedDirectory newStaging() {
        try {
            return StagedDirectory.create(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory in " + root + ": " + e.getMessage(), e);
        }
    }

    /** A snapshot's name without a suffix: its UTC time to the second, e.g. 20261206T071500Z. */
    public static String nameOf(Instant createdAt) {
        return NAME.format(createdAt);
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
    public void publish(StagedDirectory staging, String name) {
        try {
            staging.publishAs(name);
            pointer().set(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the snapshot in " + root + ": " + e.getMessage(), e);
        }
    }

    private Pointer pointer() {
        return new Pointer(root.resolve(LATEST));
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
