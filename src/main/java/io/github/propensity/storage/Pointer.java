// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A small file naming the published version readers should use ({@code CURRENT}, {@code LATEST}): one name and a
 * newline, replaced atomically, so a reader sees the old name or the new one.
 */
public record Pointer(Path file) {
    public Pointer {
        Objects.requireNonNull(file, "file");
    }

    /** The name pointed at; empty when the file is missing or blank. */
    public Optional<String> read() throws IOException {
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public void set(String name) throws IOException {
        if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("a pointer names one version, got '" + name + "'");
        }
        AtomicFile.write(file, (name + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
