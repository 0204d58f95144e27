// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.data.DataException;
import io.github.propensity.lookalike.AudienceSize;
import io.github.propensity.lookalike.ExportFormat;
import io.github.propensity.lookalike.LookalikeBuilder;
import io.github.propensity.lookalike.LookalikeCard;
import io.github.propensity.lookalike.LookalikeRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lookalike audiences on request: seed ids in, audience out, through exactly the same builder, rules and checks as
 * the {@code lookalike} command (the request is written to a private working directory and the command's files come
 * back). Each request reads the configured pool file, which suits bases up to a few hundred thousand customers.
 */
public final class LookalikeService {
    private final Path pool;
    private final String idColumn;
    private final List<String> dropColumns;
    private final Path workRoot;

    /** An audience file and its card; the caller streams the file and then {@link #close}s it. */
    public record Audience(Path file, LookalikeCard card, Path workDirectory) implements AutoCloseable {
        @Override
        public void close() {
            try (Stream<Path> walk = Files.walk(workDirectory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public LookalikeService(Path pool, String idColumn, List<String> dropColumns, Path workRoot) {
        this.pool = pool;
        this.idColumn = idColumn;
        this.dropColumns = List.copyOf(dropColumns);
        this.workRoot = workRoot;
    }

    public boolean configured() {
        return pool != null;
    }

    /**
     * Builds an audience from a request body {@code {"seed": [ids], "size": "5%", "suppress": [ids],
     * "include_seed": false, "export": "plain", "min_seed": 100}}.
     */
    public Audience build(JsonNode body) {
        if (pool == null) {
            throw new NotFoundException("no pool is configured; start the server with --pool BASE.csv --pool-id COLUMN");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object with 'seed' (a list of customer ids) and 'size'");
        }
        List<String> seed = ids(body.get("seed"), "seed");
        if (seed.isEmpty()) {
            throw new InvalidInputException("'seed' must be a non-empty list of customer ids");
        }
        List<String> suppress = body.has("suppress") ? ids(body.get("suppress"), "suppress") : List.of();
        AudienceSize size;
        ExportFormat export;
        try {
            size = AudienceSize.parse(body.path("size").asText("5%"));
            export = ExportFormat.parse(body.path("export").asText("plain"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage().replace("--", ""));
        }
        Path work;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, "lookalike-");
            Files.write(work.resolve("seed.csv"), withHeader(seed));
            Path suppressFile = null;
            if (!suppress.isEmpty()) {
                suppressFile = Files.write(work.resolve("suppress.csv"), withHeader(suppress));
            }
            Path out = work.resolve("audience.csv");
            int minSeed = body.path("min_seed").asInt(100);
            if (minSeed < 2) {
                throw new InvalidInputException("'min_seed' must be at least 2");
            }
            LookalikeRequest request = new LookalikeRequest(work.resolve("seed.csv"), pool, idColumn, size, out, null, suppressFile,
                    body.path("include_seed").asBoolean(false), export, dropColumns, "email", "phone", "1", null, minSeed, 0.2,
                    body.path("random_seed").asLong(42));
            try {
                LookalikeCard card = new LookalikeBuilder().build(request);
                return new Audience(out, card, work);
            } catch (DataException e) {
                new Audience(out, null, work).close();
                // Messages name the private working files; the client knows them as the request's fields.
                throw new InvalidInputException(e.getMessage().replace("seed.csv: ", "seed: ").replace(pool.getFileName() + ": ", "pool: "));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the lookalike request: " + e.getMessage(), e);
        }
    }

    private List<String> withHeader(List<String> ids) {
        List<String> lines = new ArrayList<>(ids.size() + 1);
        lines.add(idColumn);
        for (String id : ids) {
            // One id per line: anything that could break the CSV is refused rather than quoted.
            if (id.isBlank() || id.contains(",") || id.contains("\"") || id.contains("\n") || id.contains("\r")) {
                throw new InvalidInputException("customer ids must be non-empty and free of commas, quotes and line breaks");
            }
            lines.add(id.strip());
        }
        return lines;
    }

    private static List<String> ids(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException("'" + field + "' must be a list of customer ids");
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            if (!id.isTextual() && !id.isNumber()) {
                throw new InvalidInputException("'" + field + "' must hold ids as text or numbers");
            }
            ids.add(id.asText());
        }
        return ids;
    }
}
