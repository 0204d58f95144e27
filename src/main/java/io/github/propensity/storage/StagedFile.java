// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file being written under a temporary name beside its target ({@code .<name>.<uuid>.tmp}, same file system),
 * then renamed into place by {@link #commit} as {@link AtomicFile} describes. Closing it before {@link #commit}
 * removes it, so a failed writer leaves nothing behind. For writers that fill several files in one pass or must
 * choose the order in which files appear; everything else uses {@link AtomicFile}.
 */
public final class StagedFile implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path temporary;
    private final Path target;
    private final FileChannel channel;
    private final OutputStream stream;
    private Writer text;
    private OutputStream compressed;
    private boolean complete;
    private boolean committed;

    private StagedFile(Path temporary, Path target, FileChannel channel) {
        this.temporary = temporary;
        this.target = target;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** Starts a new temporary file for {@code target}, creating the target's folder if needed. */
    public static StagedFile open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return new StagedFile(temporary, absolute,
                FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** The file's bytes; closing the stream does not end the file (Jackson and CSV printers close what they get). */
    public OutputStream stream() {
        checkWritable();
        return new KeepOpen(stream);
    }

    /** The file as UTF-8 text, compressed as asked; one text or {@link #bytes} per file. */
    public Writer text(Compression compression) throws IOException {
        checkOneContent();
        text = new BufferedWriter(new OutputStreamWriter(compression.wrap(new KeepOpen(stream)), StandardCharsets.UTF_8), BUFFER);
        return text;
    }

    /**
     * The file's bytes compressed as asked, for content that is already encoded (copied lines); one text or bytes
     * per file. Closing it does not end the file.
     */
    public OutputStream bytes(Compression compression) throws IOException {
        checkOneContent();
        // Buffered in front too: a compressor fed line by line makes a deflate call per line.
        compressed = new BufferedOutputStream(compression.wrap(new KeepOpen(stream)), BUFFER);
        return new KeepOpen(compressed);
    }

    private void checkOneContent() {
        checkWritable();
        if (text != null || compressed != null) {
            throw new IllegalStateException("the content of " + target + " is already open");
        }
    }

    /** Ends the content and forces it to disk: the file is whole under {@link #temporary()}, ready to commit. */
    public Path complete() throws IOException {
        if (!complete) {
            complete = true;
            try (channel) {
                if (text != null) {
                    text.close();
                }
                if (compressed != null) {
                    compressed.close();
                }
                stream.flush();
                channel.force(true);
            }
        }
        return temporary;
    }

    /** The temporary name, e.g. to record a checksum of the bytes in a file committed before this one. */
    public Path temporary() {
        return temporary;
    }

    public Path target() {
        return target;
    }

    /** Completes the file if needed, renames it over its target atomically and forces the folder. */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException(target + " is already committed");
        }
        complete();
        Renames.replace(temporary, target);
        committed = true;
        Directories.force(target.getParent());
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void checkWritable() {
        if (complete) {
            throw new IllegalStateException(target + " is already complete");
        }
    }

    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
