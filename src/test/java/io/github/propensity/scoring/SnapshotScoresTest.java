// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.data.RecordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotScoresTest {
    @TempDir
    Path dir;

    @Test
    void findsEachScoresFileASnapshotMayHold() throws IOException {
        for (String name : List.of("scores.csv", "scores.csv.gz", "scores.parquet")) {
            Path snapshot = Files.createDirectories(dir.resolve(name.replace('.', '-')));
            if (name.equals("scores.parquet")) {
                Files.createDirectories(snapshot.resolve(name).resolve("segment=loyal"));
            } else {
                Files.writeString(snapshot.resolve(name), "");
            }
            assertEquals(Optional.of(snapshot.resolve(name)), SnapshotScores.find(snapshot));
        }
    }

    @Test
    void refusesAFolderWithoutScoresNamingIt() throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("20261206T000000Z"));
        Files.writeString(snapshot.resolve("manifest.json"), "{}");
        DataException error = assertThrows(DataException.class, () -> SnapshotScores.of(snapshot));
        assertTrue(error.getMessage().startsWith(snapshot + " is not a complete snapshot: it has no scores file (scores.csv, scores.csv.gz,"
                + " scores.parquet)"), error.getMessage());
    }

    @Test
    void findsTheIdByTheManifestsNameWhereverItIs() throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("named"));
        Files.writeString(snapshot.resolve("manifest.json"), "{\"id_column\": \"client\"}");
        Files.writeString(snapshot.resolve("scores.csv"), "segment,client\nloyal,C1\n");
        SnapshotScores scores = SnapshotScores.of(snapshot);
        try (RecordSource reader = scores.open()) {
            int id = scores.idIndex(reader.header());
            assertEquals(1, id);
            assertEquals("C1", reader.next()[id]);
        }
        DataException missing = assertThrows(DataException.class, () -> scores.idIndex(List.of("customer_id", "segment")));
        assertEquals("scores.csv: the snapshot's id column 'client' is not in its scores file; the columns are: customer_id, segment",
                missing.getMessage());
    }

    @Test
    void takesTheFirstColumnWhenTheManifestNamesNoId() throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("older"));
        Files.writeString(snapshot.resolve("manifest.json"), "{\"snapshot\": \"older\"}");
        Files.writeString(snapshot.resolve("scores.csv"), "account,segment\nA1,loyal\n");
        SnapshotScores scores = SnapshotScores.of(snapshot);
        assertEquals(Optional.empty(), scores.idColumn());
        assertEquals(0, scores.idIndex(List.of("account", "segment")));
    }
}
