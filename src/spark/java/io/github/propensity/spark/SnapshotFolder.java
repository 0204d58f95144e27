// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.SnapshotReports;
import io.github.propensity.scoring.SnapshotStore;
import io.github.propensity.storage.Pointer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The snapshot folder on any Hadoop file system (a local path, {@code hdfs://}, {@code s3a://}): the CLI's layout,
 * {@code <root>/<timestamp>/} and a {@code <root>/LATEST} pointer. Object stores have no atomic rename, so a snapshot
 * is written in place, its manifest after everything else, and {@code LATEST} (one small object, which a reader sees
 * old or new, never half) moves last: a reader that follows {@code LATEST} only ever sees complete snapshots; a
 * folder without {@code manifest.json} is a run that did not finish. On a local path the pointer is replaced by an
 * atomic rename, as the CLI does.
 */
final class SnapshotFolder {
    private final Path root;
    private final FileSystem fs;

    SnapshotFolder(String root, Configuration hadoop) {
        this.root = new Path(root);
        try {
            this.fs = this.root.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the snapshot folder " + root + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** The newest complete snapshot, if any. */
    Optional<Path> latest() {
        Path pointer = new Path(root, SnapshotStore.LATEST);
        try {
            if (!fs.exists(pointer)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(pointer)) {
                String name = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(new Path(root, name)).filter(this::isDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }

    /** A name for a snapshot started now, the CLI's format, with a suffix when a folder of that second exists. */
    String nameFor(Instant startedAt) {
        String base = SnapshotStore.nameOf(startedAt);
        String name = base;
        for (int suffix = 2; exists(new Path(root, name)); suffix++) {
            name = base + "-" + suffix;
        }
        return name;
    }

    /** Report files written straight into the snapshot folder {@code name}. */
    SnapshotReports.ReportFiles reports(String name) {
        Path folder = new Path(root, name);
        return file -> fs.create(new Path(folder, file), false);
    }

    /** Points {@code LATEST} at {@code name}: the last step of a run. */
    void pointLatestAt(String name) {
        Path pointer = new Path(root, SnapshotStore.LATEST);
        try {
            URI uri = fs.makeQualified(pointer).toUri();
            if ("file".equals(uri.getScheme())) {
                new Pointer(java.nio.file.Path.of(uri)).set(name);
                return;
            }
            try (FSDataOutputStream out = fs.create(pointer, true)) {
                out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + pointer + " at " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean exists(Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + path + ": " + e.getMessage(), e);
        }
    }

    private boolean isDirectory(Path path) {
        try {
            return fs.getFileStatus(path).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    boolean exists(Path folder, String name) {
        return exists(new Path(folder, name));
    }

    /** The text of a small file (a manifest). */
    String read(Path file) {
        try (FSDataInputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
