// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against the FIPS 180-2 test vectors. */
class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String MILLION_A = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

    @TempDir
    Path dir;

    @Test
    void hashesTheStringAbcToTheStandardVector() {
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hashesNothingToTheStandardVector() {
        assertEquals(EMPTY, Sha256.hex(new byte[0]));
    }

    @Test
    void hashesAFileLargerThanItsBufferByStreaming() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.write(file, "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
        assertEquals(MILLION_A, Sha256.ofFile(file));
    }

    @Test
    void aStreamingDigestFedInPartsEqualsTheWhole() {
        MessageDigest digest = Sha256.newDigest();
        digest.update("a".getBytes(StandardCharsets.US_ASCII));
        digest.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC, Sha256.hex(digest));
    }

    @Test
    void hashesTextAsUtf8() {
        assertEquals(Sha256.hex(new byte[]{(byte) 0xc3, (byte) 0xa9}), Sha256.hex("\u00e9"));
    }
}
