// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.storage.Sha256;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a customer CSV: header required, delimiter detected among comma, semicolon and tab (or
 * given), RFC 4180 quoting, UTF-8 with or without BOM, gzip read directly. Every record it returns has exactly as many
 * fields as the header; anything else is a {@link DataException} naming the file and line. Memory stays constant, so
 * the same reader serves training (which keeps rows) and batch scoring (which does not).
 */
public final class CsvRecordReader implements RecordSource {
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t'};
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int HEADER_PEEK_BYTES = 1 << 20;
    /** A chunk's bytes are about this many at most: a few per thread in flight keep memory flat. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final Path file;
    private final MessageDigest digest;
    private final BufferedInputStream input;
    private final CsvTokenizer tokenizer;
    private final List<String> header;
    private final char delimiter;
    private final CountingInputStream counted;

    private CsvRecordReader(Path file, InputStream raw, Character separator) throws IOException {
        this.file = file;
        this.digest = Sha256.newDigest();
        this.counted = new CountingInputStream(raw);
        this.input = new BufferedInputStream(new DigestInputStream(counted, digest), 1 << 16);
        InputStream decoded = isGzip(input) ? new BufferedInputStream(new GZIPInputStream(input, 1 << 16), 1 << 16) : input;
        skipUtf8Bom(decoded);
        this.delimiter = separator != null ? separator : detectDelimiter(decoded);
        this.tokenizer = new CsvTokenizer(decoded, delimiter);
        this.header = readHeader();
    }

    /**
     * Opens a CSV file; {@code separator} null means detect it from the header line. A missing, unreadable or
     * directory path is bad input (a {@link DataException} naming it), not an I/O failure.
     */
    public static CsvRecordReader open(Path file, Character separator) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a directory, not a CSV file");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (AccessDeniedException e) {
            throw new DataException(file + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new CsvRecordReader(file, raw, separator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV from a stream (an HTTP request body); {@code sourceName} stands in for the file name in errors.
     */
    public static CsvRecordReader open(InputStream in, String sourceName, Character separator) {
        try {
            return new CsvRecordReader(Path.of(sourceName), in, separator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<StoredType> storedTypes() {
        return Collections.nCopies(header.size(), StoredType.UNTYPED);
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    @Override
    public long lineNumber() {
        return tokenizer.recordLine();
    }

    /** Bytes of the file (as stored, compressed or not) read so far: progress for long files. */
    @Override
    public long bytesRead() {
        return counted.count();
    }

    /** The file's size as stored; -1 for a stream or a file whose size cannot be read. */
    @Override
    public long totalBytes() {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The next record's fields whatever their number, or null at the end of the file: for callers that count
     * ragged rows instead of stopping at the first one.
     */
    public String[] nextAnyWidth() {
        return nextRecord();
    }

    /** The next record's fields, or null at the end of the file. */
    @Override
    public String[] next() {
        String[] record = nextRecord();
        if (record == null) {
            return null;
        }
        if (record.length != header.size()) {
            throw widthError(lineNumber(), record.length);
        }
        return record;
    }

    /**
     * SHA-256 of the file's bytes as stored (compressed, if gzip). Complete only once the whole file was read, so
     * call it after {@link #next()} returned null.
     */
    @Override
    public String sha256Hex() {
        return Sha256.hex(digest);
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readHeader() {
        String[] first = nextRecord();
        if (first == null) {
            throw DataException.inFile(file, "the file is empty; a header row naming the columns is required");
        }
        List<String> names = new ArrayList<>(first.length);
        Set<String> seen = new HashSet<>();
        for (int column = 0; column < first.length; column++) {
            String name = first[column].strip();
            if (name.isEmpty()) {
                throw DataException.at(file, lineNumber(), "header column " + (column + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw DataException.at(file, lineNumber(), "duplicate header name '" + name + "' (columns must be unique)");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * The next records, up to {@code maxRecords}, as bytes for another thread to split ({@link RecordChunk#split}),
     * or null at the end of the file or after a chunk whose {@link RecordChunk#failure()} is set. For the readers
     * that work on batches on several threads: this thread then only finds where records end.
     */
    @Override
    public RecordChunk nextChunk(int maxRecords) {
        try {
            CsvTokenizer.Chunk chunk = tokenizer.nextChunk(maxRecords, CHUNK_BYTES);
            return chunk == null ? null : new CsvRecordChunk(this, chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    char delimiter() {
        return delimiter;
    }

    private String[] nextRecord() {
        try {
            return tokenizer.next();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CsvTokenizer.SyntaxError e) {
            throw syntaxError(e);
        }
    }

    /** A record whose field count is not the header's, named by the line it starts on. */
    DataException widthError(long line, int fields) {
        return DataException.at(file, line, "has " + fields + " fields but the header has " + header.size()
                + " (a missing or extra delimiter '" + printable(delimiter) + "', or an unquoted delimiter inside a value)");
    }

    DataException syntaxError(CsvTokenizer.SyntaxError e) {
        return DataException.at(file, e.line(), switch (e.fault()) {
            case UNTERMINATED_QUOTE -> "a quoted value is never closed (unterminated quote \") - the rest of the file was swallowed into it";
            case TEXT_AFTER_QUOTE -> "text after a closing quote; quotes inside a quoted value must be doubled (\"\")";
            case RECORD_TOO_LONG -> "a record longer than " + (CsvTokenizer.MAX_RECORD_BYTES >> 20)
                    + " MiB starts here; most likely a quoted value is never closed (unterminated quote \")";
        });
    }

    /** The candidate delimiter seen most often outside quotes on the first line (peeked, not consumed). */
    private static char detectDelimiter(InputStream in) throws IOException {
        in.mark(HEADER_PEEK_BYTES);
        byte[] peek = in.readNBytes(HEADER_PEEK_BYTES);
        in.reset();
        int end = 0;
        while (end < peek.length && peek[end] != '\n' && peek[end] != '\r') {
            end++;
        }
        String headerLine = new String(peek, 0, end, StandardCharsets.UTF_8);
        int[] counts = new int[CANDIDATE_DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATE_DELIMITERS.length; k++) {
                    if (c == CANDIDATE_DELIMITERS[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATE_DELIMITERS[best];
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    /** Counts the bytes that pass through, for progress reports. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
