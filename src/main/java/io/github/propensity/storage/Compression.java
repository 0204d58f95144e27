// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** How a text file's bytes are stored. */
public enum Compression {
    NONE,
    GZIP;

    private static final int BUFFER = 1 << 16;

    /** The project's convention: gzip when the file name ends in {@code .gz}. */
    public static Compression byName(Path file) {
        return file.getFileName().toString().endsWith(".gz") ? GZIP : NONE;
    }

    OutputStream wrap(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER);
        };
    }
}
