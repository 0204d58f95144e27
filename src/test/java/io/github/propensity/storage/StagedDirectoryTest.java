// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedDirectoryTest {
    @TempDir
    Path root;

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aStagedDirectoryIsHiddenUntilPublishedAndThenAppearsWhole() throws IOException {
        Path published;
        try (StagedDirectory staging = StagedDirectory.create(root)) {
            assertTrue(staging.path().getFileName().toString().startsWith(StagedDirectory.PREFIX));
            Files.writeString(staging.path().resolve("scores.csv"), "id\n");
            Files.writeString(staging.path().resolve("manifest.json"), "{}");
            published = staging.publishAs("20261201T000000Z");
        }
        assertEquals(root.resolve("20261201T000000Z"), published);
        assertEquals(List.of("20261201T000000Z"), entries(), "nothing but the published folder remains");
        assertEquals("id\n", Files.readString(published.resolve("scores.csv")));
        assertEquals("{}", Files.readString(published.resolve("manifest.json")));
    }

    @Test
    void closingAnUnpublishedStagingDirectoryRemovesIt() throws IOException {
        try (StagedDirectory staging = StagedDirectory.create(root)) {
            Files.createDirectories(staging.path().resolve("deep").resolve("er"));
            Files.writeString(staging.path().resolve("deep").resolve("er").resolve("partial"), "x");
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void refusesToPublishOverAnExistingVersion() throws IOException {
        Files.createDirectory(root.resolve("v1"));
        Files.writeString(root.resolve("v1").resolve("bundle.json"), "first");
        try (StagedDirectory staging = StagedDirectory.create(root)) {
            Files.writeString(staging.path().resolve("bundle.json"), "second");
            assertThrows(FileAlreadyExistsException.class, () -> staging.publishAs("v1"));
        }
        assertEquals("first", Files.readString(root.resolve("v1").resolve("bundle.json")));
        assertEquals(List.of("v1"), entries(), "the failed staging directory is gone");
    }

    @Test
    void removesEveryAbandonedStagingDirectoryAndNothingElse() throws IOException {
        Files.createDirectories(root.resolve(".staging-killed").resolve("part"));
        Files.writeString(root.resolve(".staging-killed").resolve("part").resolve(".scores.partial"), "C1");
        Files.createDirectory(root.resolve(".staging-other"));
        Files.createDirectory(root.resolve("20261201T000000Z"));
        Files.writeString(root.resolve("LATEST"), "20261201T000000Z\n");
        assertEquals(2, StagedDirectory.removeAbandoned(root));
        assertEquals(List.of("20261201T000000Z", "LATEST"), entries());
    }

    @Test
    void removesOnlyStagingDirectoriesOlderThanTheCutoff() throws IOException {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path old = Files.createDirectory(root.resolve(".staging-old"));
        Path recent = Files.createDirectory(root.resolve(".staging-recent"));
        Files.setLastModifiedTime(old, FileTime.from(now.minus(2, ChronoUnit.DAYS)));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(1, ChronoUnit.HOURS)));
        assertEquals(1, StagedDirectory.removeAbandoned(root, now.minus(1, ChronoUnit.DAYS)));
        assertEquals(List.of(".staging-recent"), entries());
    }

    @Test
    void findsNothingToRemoveInAFolderThatDoesNotExist() throws IOException {
        assertEquals(0, StagedDirectory.removeAbandoned(root.resolve("missing")));
    }

    @Test
    void aPointerSwapsAtomicallyFromOneVersionToTheNext() throws IOException {
        Pointer pointer = new Pointer(root.resolve("CURRENT"));
        assertEquals(Optional.empty(), pointer.read(), "no pointer yet");
        pointer.set("v1");
        assertEquals("v1\n", Files.readString(pointer.file()), "the file format: the name and a newline");
        pointer.set("v2");
        assertEquals(Optional.of("v2"), pointer.read());
        assertEquals(List.of("CURRENT"), entries(), "no temporary file left");
    }

    @Test
    void aBlankPointerPointsNowhere() throws IOException {
        Files.writeString(root.resolve("LATEST"), " \n");
        assertEquals(Optional.empty(), new Pointer(root.resolve("LATEST")).read());
    }

    @Test
    void aPointerNamesExactlyOneVersion() {
        Pointer pointer = new Pointer(root.resolve("CURRENT"));
        assertThrows(IllegalArgumentException.class, () -> pointer.set("v1\nv2"));
        assertThrows(IllegalArgumentException.class, () -> pointer.set(" "));
        assertFalse(Files.exists(pointer.file()));
    }

    @Test
    void deletesAFolderTreeAndToleratesOneThatIsGone() throws IOException {
        Path tree = root.resolve("work");
        Files.createDirectories(tree.resolve("a").resolve("b"));
        Files.writeString(tree.resolve("a").resolve("b").resolve("f"), "x");
        Files.writeString(tree.resolve("g"), "y");
        Directories.deleteRecursively(tree);
        assertFalse(Files.exists(tree));
        Directories.deleteRecursively(tree);
    }
}
