// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.storage.Sha256;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a customer CSV: header required, delimiter detected among comma, semicolon and tab (or
 * given), RFC 4180 quoting, UTF-8 with or without BOM, gzip read directly. Every record it returns has exactly as many
 * fields as the header; anything else is a {@link DataException} naming the file and line. Memory stays constant, so
 * the same reader serves training (which keeps rows) and batch scoring (which does not).
 */
public final class CsvRecordReader implements Closeable {
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t'};
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final MessageDigest digest;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final char delimiter;
    private final CountingInputStream counted;
    private final EndOfInputWatch endOfInput;
    private long lastLineRead;
    private long currentRecordLine;

    private CsvRecordReader(Path file, InputStream raw, Character separator) throws IOException {
        this.file = file;
        this.digest = Sha256.newDigest();
        this.counted = new CountingInputStream(raw);
        BufferedInputStream hashed = new BufferedInputStream(new DigestInputStream(counted, digest), 1 << 16);
        InputStream decoded = isGzip(hashed) ? new BufferedInputStream(new GZIPInputStream(hashed, 1 << 16), 1 << 16) : hashed;
        skipUtf8Bom(decoded);
        BufferedReader reader = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = separator != null ? separator : detectDelimiter(reader);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        this.endOfInput = new EndOfInputWatch(reader);
        this.parser = CSVParser.builder().setReader(endOfInput).setFormat(format).get();
        this.records = parser.iterator();
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

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    public long lineNumber() {
        return currentRecordLine;
    }

    /** Bytes of the file (as stored, compressed or not) read so far: progress for long files. */
    public long bytesRead() {
        return counted.count();
    }

    /**
     * The next record's fields whatever their number, or null at the end of the file: for callers that count
     * ragged rows instead of stopping at the first one.
     */
    public String[] nextAnyWidth() {
        CSVRecord record = nextRecord();
        return record == null ? null : record.values();
    }

    /** The next record's fields, or null at the end of the file. */
    public String[] next() {
        CSVRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        if (record.size() != header.size()) {
            throw DataException.at(file, currentRecordLine, "has " + record.size() + " fields but the header has "
                    + header.size() + " (a missing or extra delimiter '" + printable(delimiter)
                    + "', or an unquoted delimiter inside a value)");
        }
        return record.values();
    }

    /**
     * SHA-256 of the file's bytes as stored (compressed, if gzip). Complete only once the whole file was read, so
     * call it after {@link #next()} returned null.
     */
    public String sha256Hex() {
        return Sha256.hex(digest);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readHeader() {
        CSVRecord first = nextRecord();
        if (first == null) {
            throw DataException.inFile(file, "the file is empty; a header row naming the columns is required");
        }
        List<String> names = new ArrayList<>(first.size());
        Set<String> seen = new HashSet<>();
        for (int column = 0; column < first.size(); column++) {
            String name = first.get(column).strip();
            if (name.isEmpty()) {
                throw DataException.at(file, currentRecordLine, "header column " + (column + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw DataException.at(file, currentRecordLine, "duplicate header name '" + name + "' (columns must be unique)");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            currentRecordLine = lastLineRead + 1;
            lastLineRead = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
    }

    /**
     * Names what is wrong with a record Commons CSV refused. With this format its lexer refuses exactly two things,
     * both as {@link CSVException}: end of input inside a quoted value, and text between a closing quote and the
     * delimiter. They are told apart by whether the parser had asked for input past the end, not by the library's
     * wording, which has changed between releases. Any other I/O failure is passed on as it is.
     */
    private RuntimeException malformed(UncheckedIOException e) {
        if (!(e.getCause() instanceof CSVException)) {
            return e;
        }
        long line = lastLineRead + 1;
        if (endOfInput.reached()) {
            return DataException.at(file, line, "a quoted value is never closed (unterminated quote \") - the rest of the file was swallowed into it");
        }
        return DataException.at(file, line, "text after a closing quote; quotes inside a quoted value must be doubled (\"\")");
    }

    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 20);
        String headerLine = reader.readLine();
        reader.reset();
        if (headerLine == null) {
            return ',';
        }
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

    /**
     * Remembers whether the parser has been told the input ended. The parser's buffer asks for more characters only
     * once it has used up what it holds, so this is true only when parsing went past the last character.
     */
    private static final class EndOfInputWatch extends FilterReader {
        private boolean reached;

        EndOfInputWatch(Reader in) {
            super(in);
        }

        boolean reached() {
            return reached;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            reached |= c < 0;
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            reached |= n < 0;
            return n;
        }
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
