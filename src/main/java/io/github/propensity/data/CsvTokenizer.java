// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits UTF-8 CSV bytes into records as RFC 4180 has them: a field that starts with {@code "} is quoted, runs to
 * the next lone {@code "} and may hold delimiters, line breaks and doubled quotes (blanks after its closing quote are
 * dropped; anything else there is refused); any other field is taken as it is, quotes included. A record ends at LF, CRLF or a lone CR; lines that are empty are skipped. These are the rules
 * the reader followed when it went through Commons CSV's RFC 4180 format, and {@code CsvTokenizerTest} holds this
 * class to that parser's records, lines and refusals over random documents.
 * <p>
 * Why not that parser, or FastCSV: both read chars, so every byte is decoded, buffered and handed over one call at a
 * time before it is split, which made parsing the largest single cost of reading a million-row base; and FastCSV
 * returns a quoted value that is never closed as the rest of the file, where this reader must refuse it. Here the
 * bytes are scanned in place and a field is decoded once, when its {@link String} is made (JDK's ASCII fast path).
 * <p>
 * A record must fit in {@link #MAX_RECORD_BYTES} (64 MiB); a longer one is refused as what it almost always is, a quote that
 * was never closed, instead of buffering the rest of a large file.
 */
final class CsvTokenizer {
    static final int MAX_RECORD_BYTES = 64 << 20;
    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** Why a record could not be read. */
    enum Fault { UNTERMINATED_QUOTE, TEXT_AFTER_QUOTE, RECORD_TOO_LONG }

    /** A record that breaks the quoting rules, with the line it starts on. */
    static final class SyntaxError extends Exception {
        private final Fault fault;
        private final long line;

        SyntaxError(Fault fault, long line) {
            super(fault + " in the record starting on line " + line, null, false, false);
            this.fault = fault;
            this.line = line;
        }

        Fault fault() {
            return fault;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final byte delimiter;
    private final int maxRecordBytes;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    /** The line the byte at {@link #position} is on (1-based). */
    private long line = 1;
    private long recordLine;
    private String[] fields = new String[16];
    private int fieldCount;
    /** While a chunk is being gathered, where it starts: {@link #fill()} keeps the bytes from there. */
    private int chunkStart = -1;
    private boolean failed;
    private byte[] unquoted = new byte[256];

    /** @param delimiter an ASCII delimiter ({@code ,} {@code ;} or tab): never part of a multi-byte UTF-8 character */
    CsvTokenizer(InputStream in, char delimiter) {
        this(in, delimiter, 1 << 16, MAX_RECORD_BYTES);
    }

    /** With a given first buffer and record limit: small ones let tests put every byte at a buffer's edge. */
    CsvTokenizer(InputStream in, char delimiter, int initialBufferBytes, int maxRecordBytes) {
        if (initialBufferBytes < 2 || maxRecordBytes < initialBufferBytes) {
            throw new IllegalArgumentException("buffer of " + initialBufferBytes + " bytes, records up to " + maxRecordBytes);
        }
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("unusable CSV delimiter: " + (int) delimiter);
        }
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.buffer = new byte[initialBufferBytes];
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Splits a chunk that {@link #nextChunk} gathered, on any thread: its records, lines as in the whole file. */
    CsvTokenizer(Chunk chunk, char delimiter) {
        this.in = InputStream.nullInputStream();
        this.delimiter = (byte) delimiter;
        this.buffer = chunk.bytes();
        this.limit = chunk.bytes().length;
        this.maxRecordBytes = Math.max(2, limit);
        this.endOfInput = true;
        this.line = chunk.firstLine();
    }

    /**
     * Whole records as bytes, not yet split into fields, so that the splitting and decoding (most of a record's cost)
     * runs on the thread that uses them while this one only finds where records end.
     *
     * @param firstLine the line the first record's bytes start on
     * @param records   how many records the bytes hold
     * @param failure   null, or why the record after them could not be read (it starts on {@code failure.line()})
     */
    record Chunk(byte[] bytes, long firstLine, int records, SyntaxError failure) {
    }

    /**
     * The next records, up to {@code maxRecords} or about {@code maxBytes}, as a {@link Chunk}; null at the end of
     * the input or after a chunk that ended in a failure. Finding a record's end follows the same quoting rules as
     * splitting it, so the records a chunk holds are exactly those {@link #next()} would return.
     */
    Chunk nextChunk(int maxRecords, int maxBytes) throws IOException {
        if (failed || !skipEmptyLines()) {
            return null;
        }
        long firstLine = line;
        chunkStart = position;
        int records = 0;
        SyntaxError failure = null;
        try {
            while (records < maxRecords && position - chunkStart < maxBytes && skipEmptyLines()) {
                recordLine = line;
                int end = parseRecord(false);
                if (end >= 0) {
                    position = end;
                    records++;
                } else if (!fill()) {
                    if (records > 0) {
                        break; // the record may fit once the bytes before it are handed over
                    }
                    throw new SyntaxError(Fault.RECORD_TOO_LONG, recordLine);
                }
            }
        } catch (SyntaxError e) {
            failure = e;
            failed = true;
        }
        byte[] bytes = Arrays.copyOfRange(buffer, chunkStart, position);
        chunkStart = -1;
        return new Chunk(bytes, firstLine, records, failure);
    }

    /** The line on which the record last returned (or refused) starts. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    String[] next() throws IOException, SyntaxError {
        if (!skipEmptyLines()) {
            return null;
        }
        recordLine = line;
        while (true) {
            int end = parseRecord(true);
            if (end >= 0) {
                position = end;
                return Arrays.copyOf(fields, fieldCount);
            }
            // The record runs past the buffered bytes: keep it whole at the buffer's start, read on, parse it again.
            if (!fill()) {
                throw new SyntaxError(Fault.RECORD_TOO_LONG, recordLine);
            }
        }
    }

    /** Skips line breaks at the start of a record; false at the end of the input. */
    private boolean skipEmptyLines() throws IOException {
        while (true) {
            if (position == limit) {
                if (!fill()) {
                    return false;
                }
                continue;
            }
            byte b = buffer[position];
            if (b == LF) {
                position++;
                line++;
            } else if (b == CR) {
                if (position + 1 == limit && !endOfInput) {
                    fill();
                    continue;
                }
                position += position + 1 < limit && buffer[position + 1] == LF ? 2 : 1;
                line++;
            } else {
                return true;
            }
        }
    }

    /**
     * Parses the record at {@link #position}, into {@link #fields} if {@code keepFields}: the index just past it (its
     * line break included, {@link #line} moved past it), or -1 when it is not complete in the buffer and more input
     * may follow.
     */
    private int parseRecord(boolean keepFields) throws SyntaxError {
        fieldCount = 0;
        long lines = 0;
        int p = position;
        final byte[] b = buffer;
        while (true) {
            if (p < limit && b[p] == QUOTE) {
                int closing = -1;
                boolean doubled = false;
                int q = p + 1;
                while (q < limit) {
                    byte c = b[q];
                    if (c == QUOTE) {
                        if (q + 1 < limit && b[q + 1] == QUOTE) {
                            doubled = true;
                            q += 2;
                            continue;
                        }
                        if (q + 1 == limit && !endOfInput) {
                            return -1;
                        }
                        closing = q;
                        break;
                    }
                    if (c == LF) {
                        if (q == 0 || b[q - 1] != CR) {
                            lines++;
                        }
                    } else if (c == CR) {
                        lines++;
                    }
                    q++;
                }
                if (closing < 0) {
                    if (!endOfInput) {
                        return -1;
                    }
                    throw new SyntaxError(Fault.UNTERMINATED_QUOTE, recordLine);
                }
                if (keepFields) {
                    add(doubled ? unquote(b, p + 1, closing) : decode(b, p + 1, closing - (p + 1)));
                }
                p = closing + 1;
                while (p < limit && b[p] != delimiter && isBlank(b[p])) {
                    p++;
                }
                if (p == limit && !endOfInput) {
                    return -1;
                }
                if (p < limit && b[p] != delimiter && b[p] != CR && b[p] != LF) {
                    throw new SyntaxError(Fault.TEXT_AFTER_QUOTE, recordLine);
                }
            } else {
                int q = p;
                while (q < limit) {
                    byte c = b[q];
                    if (c == delimiter || c == LF || c == CR) {
                        break;
                    }
                    q++;
                }
                if (q == limit && !endOfInput) {
                    return -1;
                }
                if (keepFields) {
                    add(decode(b, p, q - p));
                }
                p = q;
            }
            if (p == limit) {
                line += lines;
                return p;
            }
            byte after = b[p];
            if (after == delimiter) {
                p++;
                continue;
            }
            if (after == CR) {
                if (p + 1 == limit && !endOfInput) {
                    return -1;
                }
                p += p + 1 < limit && b[p + 1] == LF ? 2 : 1;
            } else {
                p++;
            }
            line += lines + 1;
            return p;
        }
    }

    /**
     * Blanks between a closing quote and the delimiter are dropped, as Commons CSV drops them ({@code "a" ,b} is
     * {@code a} and {@code b}): the ASCII characters {@link Character#isWhitespace} accepts, line breaks aside.
     */
    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == 0x0b || c == '\f' || (c >= 0x1c && c <= 0x1f);
    }

    private void add(String value) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fieldCount * 2);
        }
        fields[fieldCount++] = value;
    }

    private static String decode(byte[] bytes, int from, int length) {
        return length == 0 ? "" : new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    /** The quoted value between {@code from} and {@code closing}, with each doubled quote made one. */
    private String unquote(byte[] bytes, int from, int closing) {
        if (unquoted.length < closing - from) {
            unquoted = new byte[Math.max(closing - from, 2 * unquoted.length)];
        }
        int n = 0;
        for (int i = from; i < closing; i++) {
            unquoted[n++] = bytes[i];
            if (bytes[i] == QUOTE) {
                i++;
            }
        }
        return decode(unquoted, 0, n);
    }

    /**
     * Moves the unparsed bytes to the buffer's start and reads more after them, growing the buffer when they fill
     * it. True when that changed anything (more bytes, or the end of the input is now known); false when the end was
     * already known or the unparsed bytes already fill the record limit.
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int from = chunkStart >= 0 ? chunkStart : position;
        int kept = limit - from;
        if (from > 0) {
            System.arraycopy(buffer, from, buffer, 0, kept);
        } else if (kept == buffer.length) {
            if (buffer.length >= maxRecordBytes) {
                return false;
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxRecordBytes, 2L * buffer.length));
        }
        position -= from;
        if (chunkStart >= 0) {
            chunkStart = 0;
        }
        limit = kept;
        int read = in.readNBytes(buffer, limit, buffer.length - limit);
        limit += read;
        if (limit < buffer.length) {
            endOfInput = true;
        }
        return true;
    }
}
