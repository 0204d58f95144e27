// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Replaces a file so that readers and crashes see the old content or the new, never a mix.
 * <p>
 * The durability policy, the same for every file the project writes: the content goes to a hidden temporary file
 * beside the target (a {@link StagedFile}), is forced to disk, and is renamed over the target in one atomic step; the
 * folder is then forced too, where the platform can open a folder, so the rename itself survives a power cut. When
 * the content callback throws, the temporary file is removed and the target is untouched. A file system that cannot
 * rename atomically (some network and FUSE mounts) is an error saying so, never a silent copy.
 */
public final class AtomicFile {
    /** Writes a file's bytes; the stream it is given may be closed or left open. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a text file (UTF-8); the writer it is given may be closed or left open. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        try (StagedFile staged = stage(target, content)) {
            staged.commit();
        }
    }

    /** Writes UTF-8 text, e.g. a CSV through a printer, compressed as asked. */
    public static void writeText(Path target, Compression compression, TextContent content) throws IOException {
        try (StagedFile staged = stageText(target, compression, content)) {
            staged.commit();
        }
    }

    /** Writes bytes that are already encoded text (e.g. copied lines), compressed as asked. */
    public static void write(Path target, Compression compression, Content content) throws IOException {
        try (StagedFile staged = staged(target, file -> content.writeTo(file.bytes(compression)))) {
            staged.commit();
        }
    }

    /** Writes the content completely under a temporary name and leaves the rename to {@link StagedFile#commit}. */
    public static StagedFile stage(Path target, Content content) throws IOException {
        return staged(target, staged -> content.writeTo(staged.stream()));
    }

    public static StagedFile stageText(Path target, Compression compression, TextContent content) throws IOException {
        return staged(target, staged -> content.writeTo(staged.text(compression)));
    }

    /** Fills a staged file; one that could not be filled completely is removed before the failure propagates. */
    @FunctionalInterface
    private interface Filling {
        void fill(StagedFile staged) throws IOException;
    }

    private static StagedFile staged(Path target, Filling filling) throws IOException {
        StagedFile staged = StagedFile.open(target);
        boolean written = false;
        try {
            filling.fill(staged);
            staged.complete();
            written = true;
            return staged;
        } finally {
            if (!written) {
                staged.close();
            }
        }
    }
}
