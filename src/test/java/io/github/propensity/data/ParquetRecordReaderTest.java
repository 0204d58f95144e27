// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.ParquetFixtures;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParquetRecordReaderTest {
    private static final Path SAMPLE = Path.of("training-data/customers.csv");

    @TempDir
    Path dir;

    private static final MessageType TYPES = MessageTypeParser.parseMessageType("""
            message typed {
              optional binary code (STRING);
              optional int64 big;
              optional int32 unsigned_int (INTEGER(32,false));
              optional double ratio;
              optional float rate;
              optional boolean active;
              optional int64 amount (DECIMAL(12,2));
              optional binary wide_amount (DECIMAL(20,4));
              optional int32 signup (DATE);
              optional int64 seen_at (TIMESTAMP(MICROS,true));
              optional int64 local_at (TIMESTAMP(MILLIS,false));
              optional int96 legacy_at;
            }""");

    private Path typedFile(List<Group> rows) throws IOException {
        Path file = dir.resolve("typed.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(TYPES).build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
        return file;
    }

    @Test
    void writesEachTypeAsTheTextACsvWouldHold() throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(TYPES);
        Group full = groups.newGroup().append("code", "00123").append("big", 9_007_199_254_740_993L)
                .append("unsigned_int", -1).append("ratio", 0.1).append("rate", 1.1f).append("active", true)
                .append("amount", 1_234_567L)
                .append("wide_amount", Binary.fromConstantByteArray(new BigInteger("123456789012345678").toByteArray()))
                // 2000-01-01 is day 10957 after 1970-01-01, and 946684800 s after the epoch.
                .append("signup", 10_957).append("seen_at", 946_684_800_000_000L + 1_500_000L)
                .append("local_at", 946_684_800_000L)
                // Julian day 2451545 is 2000-01-01; one millisecond into the day.
                .append("legacy_at", new NanoTime(2_451_545, 1_000_000L));
        Group empty = groups.newGroup().append("ratio", Double.NaN);
        try (ParquetRecordReader reader = ParquetRecordReader.open(typedFile(List.of(full, empty)))) {
            assertEquals(List.of("code", "big", "unsigned_int", "ratio", "rate", "active", "amount", "wide_amount", "signup",
                    "seen_at", "local_at", "legacy_at"), reader.header());
            String[] first = reader.next();
            assertArrayEquals(new String[]{"00123", "9007199254740993", "4294967295", "0.1", "1.1", "true", "12345.67",
                    "12345678901234.5678", "2000-01-01", "2000-01-01T00:00:01.500Z", "2000-01-01T00:00",
                    "2000-01-01T00:00:00.001Z"}, first);
            assertEquals(1, reader.lineNumber());
            String[] second = reader.next();
            assertArrayEquals(new String[12], replaceEmptyWithNull(second), "nulls and NaN are empty cells");
            assertEquals(2, reader.lineNumber());
            assertNull(reader.next());
        }
    }

    private static String[] replaceEmptyWithNull(String[] row) {
        String[] copy = row.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i].isEmpty() ? null : copy[i];
        }
        return copy;
    }

    @Test
    void doublesComeBackAsTheSameNumberThroughTheCsvParser() throws IOException {
        double[] values = {0.1, 0.30000000000000004, 1e-7, 123456789.125, -2.5e300, Double.MIN_VALUE, 100.0, -0.0, 1e22, 5e-324};
        SimpleGroupFactory groups = new SimpleGroupFactory(TYPES);
        List<Group> rows = new ArrayList<>();
        for (double value : values) {
            rows.add(groups.newGroup().append("ratio", value));
        }
        try (ParquetRecordReader reader = ParquetRecordReader.open(typedFile(rows))) {
            for (double value : values) {
                String text = reader.next()[3];
                assertEquals(value, NumericValues.parse(text), 0.0, text);
            }
        }
    }

    @Test
    void declaredTypesDecideTheKind() throws IOException {
        try (ParquetRecordReader reader = ParquetRecordReader.open(typedFile(List.of()))) {
            assertEquals(List.of(StoredType.TEXT, StoredType.NUMBER, StoredType.NUMBER, StoredType.NUMBER, StoredType.NUMBER,
                    StoredType.BOOLEAN, StoredType.NUMBER, StoredType.NUMBER, StoredType.TEXT, StoredType.TEXT, StoredType.TEXT,
                    StoredType.TEXT), reader.storedTypes());
        }
    }

    @Test
    void textDigitsStayCategoricalAndNumberedFlagsStayNumeric() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message m { optional binary zip (STRING); optional int64 flag; optional boolean member; }");
        Path file = dir.resolve("kinds.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            for (int i = 0; i < 60; i++) {
                writer.write(groups.newGroup().append("zip", String.valueOf(1000 + i % 6)).append("flag", (long) (i % 2))
                        .append("member", i % 3 == 0));
            }
        }
        List<ColumnDecision> decisions = SchemaInference.infer(CustomerTable.read(file, null), Map.of());
        assertEquals(ColumnKind.CATEGORICAL, decisions.get(0).kind(), "digits in a text column");
        assertEquals(ColumnKind.NUMERIC, decisions.get(1).kind(), "a 0/1 integer column");
        assertEquals(ColumnKind.BOOLEAN, decisions.get(2).kind());
        assertEquals("true", decisions.get(2).trueToken());

        // The same values in a CSV: inferred from the values, the zip codes are numbers and the flag is yes/no-like.
        Path csv = dir.resolve("kinds.csv");
        StringBuilder text = new StringBuilder("zip,flag,member\n");
        for (int i = 0; i < 60; i++) {
            text.append(1000 + i % 6).append(',').append(i % 2).append(',').append(i % 3 == 0).append('\n');
        }
        Files.writeString(csv, text);
        List<ColumnDecision> inferred = SchemaInference.infer(CustomerTable.read(csv, null), Map.of());
        assertEquals(ColumnKind.NUMERIC, inferred.get(0).kind());
        assertEquals(ColumnKind.BOOLEAN, inferred.get(1).kind());
    }

    @Test
    void readsAFolderOfPartsInNameOrderAcrossRowGroupsAsTheCsvHoldsThem() throws IOException {
        Map<String, ParquetFixtures.Stored> types = ParquetFixtures.sampleTypes();
        Path folder = ParquetFixtures.write(SAMPLE, dir.resolve("customers"), types, 1000, 3, 50);
        assertTrue(ParquetFixtures.rowGroups(folder.resolve("part-00000.parquet")) > 1, "several row groups per part");
        List<String[]> expected = new ArrayList<>();
        List<String> header;
        try (CsvRecordReader csv = CsvRecordReader.open(SAMPLE, null)) {
            header = csv.header();
            for (String[] row; expected.size() < 1000 && (row = csv.next()) != null; ) {
                expected.add(row);
            }
        }
        try (RecordSource parquet = RecordSource.open(folder, null)) {
            assertEquals(header, parquet.header());
            int read = 0;
            RecordChunk chunk;
            while ((chunk = parquet.nextChunk(64)) != null) {
                RecordBatch batch = chunk.split(false);
                for (int i = 0; i < batch.size(); i++) {
                    assertEquals(read + 1, batch.lines()[i], "rows are numbered across parts");
                    assertSameValues(header, types, expected.get(read), batch.rows()[i]);
                    read++;
                }
            }
            assertEquals(1000, read);
        }
    }

    /** Numbers compared as numbers ("53.10" is 53.1), yes/no as the boolean a typed column holds, text as text. */
    private static void assertSameValues(List<String> header, Map<String, ParquetFixtures.Stored> types, String[] csv, String[] parquet) {
        for (int c = 0; c < header.size(); c++) {
            String where = csv[0] + " " + header.get(c);
            switch (types.getOrDefault(header.get(c), ParquetFixtures.Stored.STRING)) {
                case STRING -> assertEquals(csv[c], parquet[c], where);
                case LONG, DOUBLE -> {
                    if (csv[c].isEmpty()) {
                        assertEquals("", parquet[c], where);
                    } else {
                        assertEquals(Double.parseDouble(csv[c]), NumericValues.parse(parquet[c]), 0.0, where);
                    }
                }
                case YES_NO_BOOLEAN -> assertEquals(csv[c].equals("yes") ? "true" : "false", parquet[c], where);
                case TIMESTAMP_MICROS -> throw new AssertionError("no timestamp in the sample");
            }
        }
    }

    @Test
    void refusesNestedAndRepeatedColumnsNamingThem() throws IOException {
        MessageType nested = MessageTypeParser.parseMessageType(
                "message m { required binary id (STRING); optional group address { optional binary city (STRING); } }");
        MessageType repeated = MessageTypeParser.parseMessageType(
                "message m { required binary id (STRING); repeated int64 orders; }");
        for (MessageType schema : List.of(nested, repeated)) {
            Path file = dir.resolve("bad-" + schema.getFieldCount() + schema.getType(1).getName() + ".parquet");
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
                writer.write(new SimpleGroupFactory(schema).newGroup().append("id", "C1"));
            }
            DataException error = assertThrows(DataException.class, () -> RecordSource.open(file, null));
            String column = schema.getType(1).getName();
            assertTrue(error.getMessage().contains(file.getFileName().toString()) && error.getMessage().contains("'" + column + "'")
                    && error.getMessage().contains("flat"), error.getMessage());
        }
    }

    @Test
    void refusesAFileThatIsNotParquetNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("customers.parquet"), "customer_id,plan\nC1,free\n");
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(file, null));
        assertTrue(error.getMessage().startsWith("customers.parquet: not a readable Parquet file"), error.getMessage());
        DataException missing = assertThrows(DataException.class, () -> RecordSource.open(dir.resolve("absent.parquet"), null));
        assertTrue(missing.getMessage().contains("absent.parquet: file not found"), missing.getMessage());
    }

    @Test
    void refusesPartsWithDifferentColumns() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        ParquetFixtures.write(SAMPLE, folder.resolve("part-0.parquet"), ParquetFixtures.sampleTypes(), 10, 1, 10);
        ParquetFixtures.write(SAMPLE, folder.resolve("part-1.parquet"), Map.of(), 10, 1, 10);
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(folder, null));
        assertTrue(error.getMessage().startsWith("mixed/part-1.parquet: its columns"), error.getMessage());
    }

    @Test
    void positionsInParquetErrorsAreRows() {
        assertEquals("customers.parquet, row 7, column 'plan': bad", DataException.atColumn(Path.of("customers.parquet"), 7, "plan", "bad").getMessage());
        assertEquals("customers.csv, line 7: bad", DataException.at(Path.of("customers.csv"), 7, "bad").getMessage());
    }
}
