// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void detectsSemicolonDelimiterAndQuotedFields() throws IOException {
        Path file = write("bank.csv", "\"age\";\"job\";\"y\"\n41;\"blue-collar\";\"yes\"\n49;\"a;b\";\"no\"\n");
        CustomerTable table = CustomerTable.read(file, null);
        assertEquals(List.of("age", "job", "y"), table.header());
        assertArrayEquals(new String[]{"49", "a;b", "no"}, table.rows().get(1));
    }

    @Test
    void detectsTabDelimiter() throws IOException {
        Path file = write("t.tsv", "a\tb\n1\t2\n");
        assertArrayEquals(new String[]{"1", "2"}, CustomerTable.read(file, null).rows().get(0));
    }

    @Test
    void explicitSeparatorOverridesDetection() throws IOException {
        Path file = write("p.csv", "a|b,c\n1|2,3\n");
        assertEquals(List.of("a", "b,c"), CustomerTable.read(file, '|').header());
    }

    @Test
    void stripsUtf8ByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id,x\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("id", CustomerTable.read(file, null).header().get(0));
    }

    @Test
    void readsGzipDirectlyAndHashesTheStoredBytes() throws Exception {
        Path file = dir.resolve("c.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,x\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        CustomerTable table = CustomerTable.read(file, null);
        assertEquals(2, table.rowCount());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, table.sha256());
    }

    @Test
    void reportsPhysicalLineNumbersAcrossQuotedNewlines() throws IOException {
        Path file = write("ml.csv", "id,note\n1,\"two\nlines\"\n2,x\n3,y,z\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("ml.csv, line 5"), error.getMessage());
    }

    @Test
    void namesTheLineARecordIsOnAfterEmptyLines() throws IOException {
        // Empty lines are skipped, but counted: the bad record is on line 5, not the line after the last record.
        Path file = write("gaps.csv", "id,note\n1,a\n\r\n\n2,b,c\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("gaps.csv, line 5"), error.getMessage());
    }

    @Test
    void rejectsANonAsciiDelimiterAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> CsvRecordReader.open(
                new java.io.ByteArrayInputStream("a\u00a7b\n".getBytes(StandardCharsets.UTF_8)), "x.csv", '\u00a7'));
    }

    @Test
    void rejectsRowWithMoreFieldsThanHeader() throws IOException {
        Path file = write("ragged.csv", "a,b,c\n1,2,3\n4,5,6,7\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("ragged.csv, line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("4 fields but the header has 3"), error.getMessage());
    }

    @Test
    void rejectsRowWithFewerFieldsThanHeader() throws IOException {
        Path file = write("short.csv", "a,b,c\n1,2\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void rejectsUnterminatedQuoteNamingTheLineItStarts() throws IOException {
        Path file = write("quote.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("quote.csv, line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("unterminated quote"), error.getMessage());
    }

    @Test
    void rejectsTextAfterAClosingQuoteNamingItsLine() throws IOException {
        Path file = write("junk.csv", "a,b\n1,2\n3,\"ok\"x\n4,5\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("junk.csv, line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("text after a closing quote"), error.getMessage());
    }

    @Test
    void rejectsTextAfterAClosingQuoteInTheLastCharacterOfTheFile() throws IOException {
        Path file = write("junk-end.csv", "a,b\n1,2\n3,\"ok\"x");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("junk-end.csv, line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("text after a closing quote"), error.getMessage());
    }

    @Test
    void tellsBothQuotingFaultsApartFarBeyondTheReadBuffers() throws IOException {
        StringBuilder rows = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            rows.append(i).append(",\"v").append(i).append("\"\n");
        }
        long faultLine = 50_002;
        Path junk = write("big-junk.csv", rows + "7,\"ok\"x\n" + rows.substring(4));
        // Nothing after the open quote may hold a quote, or it would close the value.
        Path open = write("big-open.csv", rows + "7,\"never closed\n" + rows.substring(4).replace("\"", ""));
        for (Path file : List.of(junk, open, gzip(junk), gzip(open))) {
            DataException error = assertThrows(DataException.class, () -> {
                try (CsvRecordReader reader = CsvRecordReader.open(file, null)) {
                    while (reader.next() != null) {
                        // read to the fault
                    }
                }
            });
            boolean unterminated = file.getFileName().toString().contains("open");
            assertTrue(error.getMessage().contains("line " + faultLine + ":"), error.getMessage());
            assertTrue(error.getMessage().contains(unterminated ? "unterminated quote" : "text after a closing quote"),
                    file + ": " + error.getMessage());
        }
    }

    private Path gzip(Path file) throws IOException {
        Path compressed = dir.resolve(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            Files.copy(file, out);
        }
        return compressed;
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = write("empty.csv", "");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("empty.csv") && error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void rejectsDuplicateHeaderNames() throws IOException {
        Path file = write("dup.csv", "id,tenure,tenure\n1,2,3\n");
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(file, null));
        assertTrue(error.getMessage().contains("duplicate header name 'tenure'"), error.getMessage());
        assertTrue(error.getMessage().contains("line 1"), error.getMessage());
    }

    @Test
    void reportsMissingFileClearly() {
        DataException error = assertThrows(DataException.class, () -> CustomerTable.read(dir.resolve("nope.csv"), null));
        assertTrue(error.getMessage().contains("file not found"), error.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
