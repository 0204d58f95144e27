// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("keys.txt");
        Files.writeString(target, "old");
        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("keys.txt"), entries());
    }

    @Test
    void keepsTheOldContentWhenTheWriterThrowsAndRemovesItsTemporaryFile() throws IOException {
        Path target = dir.resolve("audience.csv");
        Files.writeString(target, "id\nC1\n");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> AtomicFile.writeText(target, Compression.NONE, out -> {
            out.write("id\nC9\n");
            out.flush();
            throw new UncheckedIOException(new IOException("disk full"));
        }));
        assertEquals("disk full", error.getCause().getMessage());
        assertEquals("id\nC1\n", Files.readString(target));
        assertEquals(List.of("audience.csv"), entries());
    }

    @Test
    void aCheckedFailureOfTheWriterAlsoLeavesTheTargetMissingWhenItWasMissing() throws IOException {
        Path target = dir.resolve("new.bin");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new IOException("cannot read the source");
        }));
        assertEquals(List.of(), entries());
    }

    @Test
    void writesTextAsUtf8ThroughACallbackThatClosesItsWriter() throws IOException {
        Path target = dir.resolve("sub").resolve("names.csv");
        AtomicFile.writeText(target, Compression.NONE, out -> {
            try (out) {
                out.write("name\nJos\u00e9\n");
            }
        });
        assertEquals("name\nJos\u00e9\n", Files.readString(target, StandardCharsets.UTF_8), "the folder is created too");
    }

    @Test
    void gzipsWhenAsked() throws IOException {
        Path target = dir.resolve("scores.csv.gz");
        assertEquals(Compression.GZIP, Compression.byName(target));
        assertEquals(Compression.NONE, Compression.byName(dir.resolve("scores.csv")));
        AtomicFile.writeText(target, Compression.byName(target), out -> out.write("a,b\n1,2\n"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(target)))) {
            assertEquals("a,b\n1,2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aStagedFileIsCompleteBeforeItsCommitAndInvisibleUntilThen() throws IOException {
        Path target = dir.resolve("features.csv");
        Files.writeString(target, "old");
        try (StagedFile staged = AtomicFile.stageText(target, Compression.NONE, out -> out.write("new"))) {
            assertEquals("new", Files.readString(staged.temporary()), "the bytes are on disk, e.g. to checksum them");
            assertEquals("old", Files.readString(target));
            staged.commit();
            assertThrows(IllegalStateException.class, staged::commit);
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("features.csv"), entries());
    }

    @Test
    void aStagedFileClosedWithoutCommitIsRemoved() throws IOException {
        Path target = dir.resolve("truth.csv");
        try (StagedFile staged = StagedFile.open(target)) {
            staged.text(Compression.NONE).write("half");
            assertTrue(Files.exists(staged.temporary()));
        }
        assertEquals(List.of(), entries());
        assertFalse(Files.exists(target));
    }

    @Test
    void saysSoWhenTheFileSystemCannotRenameAtomically() throws IOException {
        // A rename between two file systems is never atomic; it stands in for a mount that cannot do it at all.
        Path otherFileSystem = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(otherFileSystem) && Files.isWritable(otherFileSystem)
                && !Files.getFileStore(otherFileSystem).equals(Files.getFileStore(dir)), "a second file system");
        Path source = Files.createTempFile(otherFileSystem, "atomic-file-test", ".tmp");
        try {
            Path target = Files.writeString(dir.resolve("CURRENT"), "v1\n");
            IOException error = assertThrows(IOException.class, () -> Renames.replace(source, target));
            assertTrue(error.getMessage().contains("cannot rename atomically"), error.getMessage());
            assertTrue(error.getMessage().contains(dir.toAbsolutePath().toString()), error.getMessage());
            assertEquals("v1\n", Files.readString(target));
        } finally {
            Files.deleteIfExists(source);
        }
    }

    @Test
    void twoFilesFilledInOnePassAppearInTheOrderCommitted() throws IOException {
        Path first = dir.resolve("a.txt");
        Path second = dir.resolve("b.txt");
        try (StagedFile a = StagedFile.open(first); StagedFile b = StagedFile.open(second)) {
            a.stream().write('A');
            b.stream().write('B');
            b.commit();
            assertTrue(Files.exists(second));
            assertFalse(Files.exists(first));
            a.commit();
        }
        assertEquals("A", Files.readString(first));
        assertEquals("B", Files.readString(second));
    }
}
