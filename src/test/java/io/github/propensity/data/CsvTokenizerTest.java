// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Holds the byte tokenizer to Commons CSV's RFC 4180 parser (the reader's previous engine, still on the classpath
 * for writing) over random documents full of what breaks CSV readers: quotes in and around values, doubled quotes,
 * every kind of line break inside and between records, empty lines, blank fields, multi-byte characters, and
 * buffers as small as two bytes so that every byte lands on a buffer's edge. Start lines come from Commons' character
 * position of each record, counted independently here.
 */
class CsvTokenizerTest {
    private static final String[] PIECES = {"a", "bc", "1.5", "é", "日本", "😀", " ", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", "x\"y", "\t", "\" ", "\"\t,"};

    /** One record or refusal as both parsers see it. */
    private record Outcome(List<List<String>> records, List<Long> lines, String fault, long faultLine) {
    }

    @Test
    void agreesWithCommonsCsvOnRandomDocuments() throws IOException {
        Random random = new Random(20261202);
        int refused = 0;
        for (int doc = 0; doc < 20_000; doc++) {
            String text = randomDocument(random);
            char delimiter = ",,;\t".charAt(random.nextInt(4));
            int bufferBytes = 2 + random.nextInt(random.nextBoolean() ? 8 : 200);
            Outcome expected = commons(text, delimiter);
            Outcome actual = tokenizer(text, delimiter, bufferBytes);
            assertEquals(expected, actual, () -> "document " + escape(text) + " with buffer " + bufferBytes);
            refused += expected.fault() == null ? 0 : 1;
        }
        // Both kinds of refusal and plenty of accepted documents were exercised, not one side of the rules only.
        assertEquals(true, refused > 1_000 && refused < 19_000, "refused " + refused);
    }

    /** Records found as chunks on one thread and split on another are exactly the records read one by one. */
    @Test
    void chunksSplitIntoTheSameRecordsLinesAndRefusals() throws IOException {
        Random random = new Random(7);
        for (int doc = 0; doc < 20_000; doc++) {
            String text = randomDocument(random);
            char delimiter = ",,;\t".charAt(random.nextInt(4));
            int bufferBytes = 2 + random.nextInt(random.nextBoolean() ? 8 : 200);
            int maxRecords = 1 + random.nextInt(3);
            int maxBytes = 1 + random.nextInt(40);
            Outcome expected = tokenizer(text, delimiter, bufferBytes);
            Outcome actual = chunked(text, delimiter, bufferBytes, maxRecords, maxBytes);
            assertEquals(expected, actual, () -> "document " + escape(text) + " with buffer " + bufferBytes
                    + ", chunks of " + maxRecords + " records or " + maxBytes + " bytes");
        }
    }

    private static Outcome chunked(String text, char delimiter, int bufferBytes, int maxRecords, int maxBytes) throws IOException {
        CsvTokenizer reader = new CsvTokenizer(stream(text), delimiter, bufferBytes, 1 << 20);
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvTokenizer.Chunk chunk;
        while ((chunk = reader.nextChunk(maxRecords, maxBytes)) != null) {
            CsvTokenizer splitter = new CsvTokenizer(chunk, delimiter);
            int found = 0;
            try {
                String[] fields;
                while ((fields = splitter.next()) != null) {
                    records.add(List.of(fields));
                    lines.add(splitter.recordLine());
                    found++;
                }
            } catch (CsvTokenizer.SyntaxError e) {
                throw new AssertionError("a chunk holds only whole, readable records", e);
            }
            assertEquals(chunk.records(), found);
            if (chunk.failure() != null) {
                return new Outcome(records, lines, chunk.failure().fault().name(), chunk.failure().line());
            }
        }
        return new Outcome(records, lines, null, 0);
    }

    @Test
    void refusesARecordLongerThanTheLimitNamingTheLineItStartsOn() throws IOException, CsvTokenizer.SyntaxError {
        String text = "id,note\n1,short\n2,\"" + "x".repeat(5_000) + "\n3,more\n";
        CsvTokenizer tokenizer = new CsvTokenizer(stream(text), ',', 16, 1_024);
        tokenizer.next();
        tokenizer.next();
        CsvTokenizer.SyntaxError error = assertThrows(CsvTokenizer.SyntaxError.class, tokenizer::next);
        assertEquals(CsvTokenizer.Fault.RECORD_TOO_LONG, error.fault());
        assertEquals(3, error.line());
    }

    @Test
    void readsAFinalRecordWithoutLineBreakAndAnEmptyLastField() throws IOException, CsvTokenizer.SyntaxError {
        CsvTokenizer tokenizer = new CsvTokenizer(stream("a,b\r\n\r\n1,"), ',', 2, 64);
        assertArrayEquals(new String[]{"a", "b"}, tokenizer.next());
        assertArrayEquals(new String[]{"1", ""}, tokenizer.next());
        assertEquals(3, tokenizer.recordLine());
        assertNull(tokenizer.next());
    }

    private static String randomDocument(Random random) {
        StringBuilder text = new StringBuilder();
        int records = random.nextInt(6);
        for (int r = 0; r < records; r++) {
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    text.append(",,,;\t".charAt(random.nextInt(5)));
                }
                boolean quoted = random.nextInt(3) == 0;
                if (quoted) {
                    text.append('"');
                }
                int pieces = random.nextInt(4);
                for (int p = 0; p < pieces; p++) {
                    String piece = PIECES[random.nextInt(PIECES.length)];
                    // Mostly well-formed: a quoted value doubles its quotes, a plain one seldom holds a break.
                    if (quoted && piece.contains("\"") && random.nextInt(8) != 0) {
                        piece = piece.replace("\"", "\"\"");
                    }
                    if (!quoted && (piece.contains("\n") || piece.contains("\r")) && random.nextInt(3) != 0) {
                        piece = "z";
                    }
                    text.append(piece);
                }
                if (quoted && random.nextInt(12) != 0) {
                    text.append('"');
                }
            }
            String[] breaks = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n", ""};
            if (r < records - 1 || random.nextBoolean()) {
                text.append(breaks[random.nextInt(breaks.length - (r < records - 1 ? 1 : 0))]);
            }
        }
        return text.toString();
    }

    private static Outcome tokenizer(String text, char delimiter, int bufferBytes) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(stream(text), delimiter, bufferBytes, 1 << 20);
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try {
            String[] fields;
            while ((fields = tokenizer.next()) != null) {
                records.add(List.of(fields));
                lines.add(tokenizer.recordLine());
            }
        } catch (CsvTokenizer.SyntaxError e) {
            return new Outcome(records, lines, e.fault().name(), e.line());
        }
        return new Outcome(records, lines, null, 0);
    }

    private static Outcome commons(String text, char delimiter) throws IOException {
        EndWatch watch = new EndWatch(new StringReader(text));
        CSVParser parser = CSVParser.builder().setReader(watch)
                .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()).get();
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long linesRead = 0;
        try {
            for (CSVRecord record : parser) {
                records.add(record.toList());
                lines.add(lineOfRecordAt(text, (int) record.getCharacterPosition()));
                linesRead = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            String fault = watch.reached ? "UNTERMINATED_QUOTE" : "TEXT_AFTER_QUOTE";
            return new Outcome(records, lines, fault, lineOfRecordAt(text, offsetOfLine(text, linesRead + 1)));
        }
        return new Outcome(records, lines, null, 0);
    }

    /** The line a record starts on when the parser began looking for it at {@code offset}: empty lines skipped. */
    private static long lineOfRecordAt(String text, int offset) {
        int at = offset;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        long line = 1;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r'))) {
                line++;
            }
        }
        return line;
    }

    /** Where 1-based line {@code line} starts, a line break being LF, CRLF or a lone CR. */
    private static int offsetOfLine(String text, long line) {
        long current = 1;
        int i = 0;
        while (current < line && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                current++;
            }
        }
        return i;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    /** Whether Commons CSV asked for input past the end: how the reader told an unclosed quote from stray text. */
    private static final class EndWatch extends FilterReader {
        boolean reached;

        EndWatch(Reader in) {
            super(in);
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
}
