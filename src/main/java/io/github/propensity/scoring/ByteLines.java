// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Lines of a stream as ranges of one reused byte buffer, never decoded: pass two copies the scored rows as they
 * were written, so turning their bytes into strings and back (as a {@code Reader} and {@code Writer} would) is
 * work for nothing. A line is valid until the next call to {@link #next()}.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int limit;
    private int next;
    private int start;
    private int end;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line (without its '\n'); false at the end of the stream. */
    boolean next() throws IOException {
        int scanned = next;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    start = next;
                    end = i;
                    next = i + 1;
                    return true;
                }
            }
            if (next > 0) {
                System.arraycopy(buffer, next, buffer, 0, limit - next);
                limit -= next;
                next = 0;
            } else if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            scanned = limit;
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                if (limit > next) {
                    start = next;
                    end = limit;
                    next = limit;
                    return true;
                }
                return false;
            }
            limit += read;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return end - start;
    }
}
