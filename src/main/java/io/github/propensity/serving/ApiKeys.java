// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.data.DataException;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import io.github.propensity.storage.Sha256;
import io.github.propensity.storage.StagedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys by role. The file holds one key per line, {@code <role> <sha256 of the key> <name>}, never the key
 * itself: a leaked file grants nothing. Keys are 32 random bytes, shown once when created.
 */
public final class ApiKeys {
    private static final String PREFIX = "pk_";
    private final Map<String, Role> roleByHash;

    private ApiKeys(Map<String, Role> roleByHash) {
        this.roleByHash = Map.copyOf(roleByHash);
    }

    public static ApiKeys load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DataException.inFile(file, "keys file not found; create keys with: propensity keys add --keys " + file + " --role score");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 2 || !parts[1].matches("[0-9a-f]{64}")) {
                throw DataException.at(file, i + 1, "expected '<role> <sha256 hex> <name>'");
            }
            try {
                roles.put(parts[1], Role.parse(parts[0]));
            } catch (IllegalArgumentException e) {
                throw DataException.at(file, i + 1, e.getMessage());
            }
        }
        return new ApiKeys(roles);
    }

    /** The role of a presented key, if it is known. */
    public Optional<Role> roleOf(String key) {
        return Optional.ofNullable(roleByHash.get(Sha256.hex(key)));
    }

    public int size() {
        return roleByHash.size();
    }

    /** Creates a key, appends its hash to the file (rewritten atomically) and returns the key. */
    public static String add(Path file, Role role, String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a key name is 1-64 letters, digits, dots, dashes or underscores");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> lines = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            } else {
                lines.add("# propensity API keys: <role> <sha256 of the key> <name>. Keys themselves are never stored.");
            }
            lines.add(role.label() + " " + Sha256.hex(key) + " " + name);
            try (StagedFile staged = AtomicFile.stageText(file, Compression.NONE, out -> {
                for (String line : lines) {
                    out.write(line);
                    out.write(System.lineSeparator());
                }
            })) {
                ownerOnly(staged.temporary());
                staged.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return key;
    }

    /** The hashes grant nothing, but who holds which role is still nobody else's business. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
