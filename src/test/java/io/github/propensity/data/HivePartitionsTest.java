// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HivePartitionsTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message customers { required binary customer_id (STRING); optional double spend; optional int32 orders; }");

    @TempDir
    Path dir;

    /** One customer as the test writes it: its own columns, and where it is filed. */
    private record Customer(String id, Double spend, int orders, String country, String segment) {
    }

    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("C1", 12.5, 3, "FR", "at-risk"),
            new Customer("C2", null, 0, "FR", "at/risk 100%"),
            new Customer("C3", 7.25, 1, "DE", "loyal"),
            new Customer("C4", 0.5, 2, "FR", null),
            new Customer("C5", 99.0, 9, "DE", "loyal"),
            new Customer("C6", 3.0, 4, "FR", "at-risk"));

    private static void write(Path file, List<Customer> customers) throws IOException {
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(SCHEMA).build()) {
            for (Customer customer : customers) {
                Group row = groups.newGroup().append("customer_id", customer.id()).append("orders", customer.orders());
                if (customer.spend() != null) {
                    row.append("spend", customer.spend());
                }
                writer.write(row);
            }
        }
    }

    private static List<String[]> rows(RecordSource source) {
        List<String[]> rows = new ArrayList<>();
        for (String[] row; (row = source.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    private Path partitioned() throws IOException {
        Path table = dir.resolve("customers");
        // Spark escapes '/' as %2F and '%' as %25 in a folder name, and files a null under the default partition.
        Path frAtRisk = table.resolve("country=FR").resolve("segment=at-risk");
        write(frAtRisk.resolve("part-00001.parquet"), List.of(CUSTOMERS.get(5)));
        write(frAtRisk.resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        write(table.resolve("country=FR").resolve("segment=at%2Frisk 100%25").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(1)));
        write(table.resolve("country=FR").resolve("segment=__HIVE_DEFAULT_PARTITION__").resolve("part-00000.parquet"),
                List.of(CUSTOMERS.get(3)));
        write(table.resolve("country=DE").resolve("segment=loyal").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(2), CUSTOMERS.get(4)));
        Files.writeString(table.resolve("_SUCCESS"), "");
        Files.writeString(frAtRisk.resolve(".part-00000.parquet.crc"), "crc");
        Files.writeString(frAtRisk.resolve("_committed_123"), "{}");
        Files.createDirectories(table.resolve("_temporary").resolve("0"));
        return table;
    }

    @Test
    void readsNestedPartitionsAsTheFlatFileWithThePartitionColumnsAppended() throws IOException {
        Path flat = dir.resolve("flat.parquet");
        write(flat, CUSTOMERS);
        List<String[]> flatRows;
        try (RecordSource source = RecordSource.open(flat, null)) {
            flatRows = rows(source);
        }
        try (RecordSource source = RecordSource.open(partitioned(), null)) {
            assertEquals(List.of("customer_id", "spend", "orders", "country", "segment"), source.header());
            assertEquals(List.of(StoredType.TEXT, StoredType.NUMBER, StoredType.NUMBER, StoredType.TEXT, StoredType.TEXT), source.storedTypes());
            List<String[]> read = rows(source);
            // Partition paths in name order: country=DE < country=FR; under FR, '_' (0x5F) < 'a' (0x61) and
            // "at%2F..." < "at-risk" as '%' (0x25) < '-' (0x2D); inside at-risk, part-00000 before part-00001.
            List<String> expectedOrder = List.of("C3", "C5", "C4", "C2", "C1", "C6");
            assertEquals(expectedOrder, read.stream().map(row -> row[0]).toList());
            for (String[] row : read) {
                Customer customer = CUSTOMERS.stream().filter(c -> c.id().equals(row[0])).findFirst().orElseThrow();
                String[] own = flatRows.get(CUSTOMERS.indexOf(customer));
                assertEquals(Arrays.asList(own), Arrays.asList(row).subList(0, 3), "the part's own cells as the flat file's");
                assertEquals(customer.country(), row[3]);
                assertEquals(customer.segment() == null ? "" : customer.segment(), row[4], "unescaped; the default partition is missing");
            }
            assertEquals(6, source.lineNumber(), "rows numbered across partitions");
        }
    }

    @Test
    void readsOnlyTheNamedColumnsOfThePartsAndEveryPartitionColumn() throws IOException {
        try (RecordSource all = RecordSource.open(partitioned(), null);
             RecordSource some = RecordSource.open(dir.resolve("customers"), null, List.of("orders", "customer_id", "absent"))) {
            assertEquals(List.of("customer_id", "orders", "country", "segment"), some.header(), "the file's order, partitions last");
            for (String[] full; (full = all.next()) != null; ) {
                assertEquals(List.of(full[0], full[2], full[3], full[4]), List.of(some.next()));
            }
            assertEquals(null, some.next());
        }
        Path csv = Files.writeString(dir.resolve("customers.csv"), "customer_id,spend\nC1,2\n");
        try (RecordSource whole = RecordSource.open(csv, null, List.of("spend"))) {
            assertEquals(List.of("customer_id", "spend"), whole.header(), "a CSV has every column");
        }
    }

    @Test
    void theDigestCoversThePartitionPaths() throws IOException {
        Path table = partitioned();
        String before;
        try (RecordSource source = RecordSource.open(table, null)) {
            rows(source);
            before = source.sha256Hex();
        }
        Files.move(table.resolve("country=DE"), table.resolve("country=NL"));
        try (RecordSource source = RecordSource.open(table, null)) {
            rows(source);
            assertNotEquals(before, source.sha256Hex(), "the same bytes filed under another value are other data");
        }
    }

    @Test
    void unescapesEachPercentCodeAsOneCharacterAndLeavesAStrayPercent() {
        assertEquals("a/b:c=d", ParquetDataset.unescape("a%2Fb%3Ac%3Dd"));
        assertEquals("100%", ParquetDataset.unescape("100%"));
        assertEquals("%zz%2", ParquetDataset.unescape("%zz%2"));
        assertEquals("é", ParquetDataset.unescape("%E9"), "Hive escapes a char by its code, not by UTF-8 bytes");
    }

    @Test
    void refusesPartFilesBesidePartitionFoldersNamingTheFolder() throws IOException {
        Path table = dir.resolve("mixed");
        write(table.resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        write(table.resolve("country=FR").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(1)));
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(table, null));
        assertTrue(error.getMessage().startsWith(table + ": holds both Parquet part files"), error.getMessage());
    }

    @Test
    void refusesPartitionFoldersOfDifferentColumnsNamingTheFolder() throws IOException {
        Path sameLevel = dir.resolve("same-level");
        write(sameLevel.resolve("country=FR").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        write(sameLevel.resolve("region=east").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(1)));
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(sameLevel, null));
        assertTrue(error.getMessage().startsWith(sameLevel + ": its partition folders name different columns ('country' and 'region')"),
                error.getMessage());

        Path depths = dir.resolve("depths");
        write(depths.resolve("country=DE").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(2)));
        write(depths.resolve("country=FR").resolve("segment=loyal").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        DataException deeper = assertThrows(DataException.class, () -> RecordSource.open(depths, null));
        assertTrue(deeper.getMessage().startsWith(depths.resolve("country=FR").resolve("segment=loyal")
                + ": its partition columns [country, segment] differ from [country] of country=DE"), deeper.getMessage());
    }

    @Test
    void refusesASubFolderThatIsNotAPartition() throws IOException {
        Path table = dir.resolve("odd");
        write(table.resolve("2026-12-01").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(table, null));
        assertTrue(error.getMessage().startsWith(table.resolve("2026-12-01") + ": is not a Hive partition folder"), error.getMessage());
    }

    @Test
    void refusesAPartitionColumnThePartsAlsoHold() throws IOException {
        Path table = dir.resolve("twice");
        write(table.resolve("orders=3").resolve("part-00000.parquet"), List.of(CUSTOMERS.get(0)));
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(table, null));
        assertTrue(error.getMessage().contains("partition column 'orders' is also a column of the part files"), error.getMessage());
    }

    @Test
    void namesThePartitionedPartOfABadFile() throws IOException {
        Path table = dir.resolve("broken");
        Files.createDirectories(table.resolve("country=FR"));
        Files.writeString(table.resolve("country=FR").resolve("part-00000.parquet"), "customer_id\nC1\n");
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(table, null));
        assertTrue(error.getMessage().startsWith("broken/country=FR/part-00000.parquet: not a readable Parquet file"), error.getMessage());
    }

    @Test
    void aFolderWithOnlyMarkersHasNoParts() throws IOException {
        Path table = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(table.resolve("_SUCCESS"), "");
        DataException error = assertThrows(DataException.class, () -> RecordSource.open(table, null));
        assertTrue(error.getMessage().contains("is a directory without any *.parquet part files"), error.getMessage());
    }
}
