// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void addingKeysRewritesTheFileWithTheirHashesAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keys.txt");
        String first = ApiKeys.add(file, Role.SCORE, "crm");
        String second = ApiKeys.add(file, Role.ADMIN, "ops");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("score " + sha256(first) + " crm", lines.get(1));
        assertEquals("admin " + sha256(second) + " ops", lines.get(2));
        assertEquals(Role.ADMIN, ApiKeys.load(file).roleOf(second).orElseThrow());
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of("keys.txt"), entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theKeysFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");
        Path file = dir.resolve("keys.txt");
        ApiKeys.add(file, Role.READ, "analysts");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.isReadable(file));
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
