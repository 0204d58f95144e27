// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.propensity.data.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.github.propensity.transactions.LogFixture.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feature CSV and its metadata appear as a pair, and a pair a crash left inconsistent is refused. */
class FeatureFileWriterTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    private TransactionLogReader.Result read;

    @BeforeEach
    void readLog() throws IOException {
        Path file = new LogFixture()
                .buy("a", "2024-01-01", 100).buy("a", "2024-03-01", 50).buy("a", "2024-07-15", 70)
                .buy("b", "2023-07-01", 40).buy("c", "2024-05-01", 10).buy("c", "2024-09-28", 10)
                .buy("d", "2024-12-31", 1)
                .write(dir.resolve("log.csv"));
        read = new TransactionLogReader(LogFixture.COLUMNS, null, false).read(file, null);
    }

    private FeatureFileManifest write(Path out, String asOf) throws IOException {
        FeatureTable table = new FeatureBuilder(new FeatureSettings(List.of(date(asOf)), 90, 365, LabelChoice.BOTH)).build(read.log());
        return new FeatureFileWriter(Clock.fixed(NOW, ZoneOffset.UTC)).write(table, read.summary(), out);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<String> hiddenFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
        }
    }

    @Test
    void aNormalRunWritesBothFilesAndTheMetadataRecordsTheCsvsChecksumAndRows() throws Exception {
        Path out = dir.resolve("out").resolve("features.csv");
        write(out, "2024-06-30");
        JsonNode meta = new ObjectMapper().readTree(FeatureFileManifest.besides(out).toFile());
        assertEquals(sha256(out), meta.get("csv_sha256").asText());
        assertEquals(Files.readAllLines(out).size() - 1, meta.get("csv_rows").asLong());
        assertEquals(NOW.toString(), meta.get("created_at").asText(), "the time comes from the writer's clock");
        assertNotNull(FeatureFileManifest.readBeside(out));
        assertEquals(List.of(), hiddenFiles(out.getParent()), "no temporary file left behind");
    }

    @Test
    void aGzipFileIsCheckedByItsStoredBytes() throws Exception {
        Path out = dir.resolve("features.csv.gz");
        FeatureFileManifest manifest = write(out, "2024-06-30");
        assertEquals(sha256(out), manifest.csvSha256());
        assertNotNull(FeatureFileManifest.readBeside(out));
    }

    @Test
    void refusesTheNewMetadataNextToTheOldCsvAsACrashBetweenTheRenamesLeavesThem() throws IOException {
        Path out = dir.resolve("features.csv");
        write(out, "2024-06-30");
        // The metadata is renamed into place first: a run killed right after that leaves the old CSV beside it.
        Path next = dir.resolve("next").resolve("features.csv");
        write(next, "2024-09-30");
        Files.copy(FeatureFileManifest.besides(next), FeatureFileManifest.besides(out), StandardCopyOption.REPLACE_EXISTING);
        DataException error = assertThrows(DataException.class, () -> FeatureFileManifest.readBeside(out));
        assertTrue(error.getMessage().startsWith("features.csv does not match features.csv.meta.json"), error.getMessage());
        assertTrue(error.getMessage().contains("run propensity features again"), error.getMessage());
    }

    @Test
    void refusesMetadataWhoseCsvNeverAppeared() throws IOException {
        Path out = dir.resolve("features.csv");
        write(out, "2024-06-30");
        Files.delete(out);
        DataException error = assertThrows(DataException.class, () -> FeatureFileManifest.readBeside(out));
        assertTrue(error.getMessage().startsWith("features.csv is missing but features.csv.meta.json is there"), error.getMessage());
    }

    @Test
    void aCsvChangedAfterwardsIsRefusedToo() throws IOException {
        Path out = dir.resolve("features.csv");
        write(out, "2024-06-30");
        List<String> lines = Files.readAllLines(out);
        Files.write(out, lines.subList(0, lines.size() - 1));
        assertThrows(DataException.class, () -> FeatureFileManifest.readBeside(out));
    }

    @Test
    void aFailedCommitOfTheMetadataLeavesThePreviousCsvInPlace() throws IOException {
        Path out = Files.writeString(dir.resolve("features.csv"), "old\n");
        // A non-empty folder where the metadata goes: its rename fails after both files were staged.
        Path blocked = Files.createDirectories(FeatureFileManifest.besides(out));
        Files.writeString(blocked.resolve("keep"), "x");
        assertThrows(IOException.class, () -> write(out, "2024-06-30"));
        assertEquals("old\n", Files.readString(out));
        assertEquals(List.of(), hiddenFiles(dir), "both staged files are removed");
    }

    @Test
    void acceptsMetadataWrittenBeforeTheChecksumWasRecorded() throws IOException {
        Path out = dir.resolve("features.csv");
        write(out, "2024-06-30");
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = (ObjectNode) json.readTree(FeatureFileManifest.besides(out).toFile());
        meta.remove(List.of("csv_sha256", "csv_rows"));
        json.writeValue(FeatureFileManifest.besides(out).toFile(), meta);
        FeatureFileManifest manifest = FeatureFileManifest.readBeside(out);
        assertEquals(List.of(date("2024-06-30")), manifest.asOf());
        assertNull(manifest.csvSha256());
    }
}
