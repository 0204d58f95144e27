// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.DataException;
import io.github.propensity.lookalike.EncodedPool;
import io.github.propensity.lookalike.PoolSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Keeps the lookalike pool loaded and encoded, read once at start instead of on every request. A background check
 * compares the file's size and modification time with the loaded one's; a changed file is read and encoded in full
 * first and only then swapped in with one atomic reference write, so requests in flight keep the pool they started
 * with. A broken new file is logged and the old pool kept; it is tried again only once the file changes again.
 */
public final class PoolRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PoolRegistry.class);

    private final PoolSource source;
    private final Function<PoolSource, EncodedPool> loader;
    private final AtomicReference<EncodedPool> current = new AtomicReference<>();
    private final PeriodicCheck poller;
    private FileStamp loaded;
    private Optional<FileStamp> failed = Optional.empty();

    /** What tells a changed file apart without reading it. */
    private record FileStamp(long size, FileTime modified) {
    }

    /** Reads the pool now (failing if it cannot be read) and checks for a new one every {@code pollMillis}. */
    public static PoolRegistry start(PoolSource source, long pollMillis) {
        return new PoolRegistry(source, EncodedPool::read, pollMillis);
    }

    PoolRegistry(PoolSource source, Function<PoolSource, EncodedPool> loader, long pollMillis) {
        this.source = source;
        this.loader = loader;
        this.loaded = stamp(source.file());
        current.set(load());
        this.poller = new PeriodicCheck("pool", pollMillis, this::refresh);
    }

    /** The pool a request should use from start to finish. */
    public EncodedPool current() {
        return current.get();
    }

    /** Reloads the pool when its file changed; returns true when a new pool was swapped in. */
    public synchronized boolean refresh() {
        // Stamped before reading: a file replaced during the read differs from this stamp and is read again next time.
        FileStamp stamp = stamp(source.file());
        if (stamp.equals(loaded) || failed.filter(stamp::equals).isPresent()) {
            return false;
        }
        EncodedPool fresh;
        try {
            fresh = load();
        } catch (DataException | UncheckedIOException e) {
            failed = Optional.of(stamp);
            log.error("cannot reload the lookalike pool: {}; keeping the loaded one ({} customers)", e.getMessage(), current.get().size());
            return false;
        }
        current.set(fresh);
        loaded = stamp;
        failed = Optional.empty();
        return true;
    }

    private EncodedPool load() {
        long start = System.nanoTime();
        EncodedPool pool = loader.apply(source);
        log.info("lookalike pool {}: {} customers loaded and encoded in {} ms", source.file().getFileName(), pool.size(),
                (System.nanoTime() - start) / 1_000_000);
        return pool;
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.size(), attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        poller.close();
    }
}
