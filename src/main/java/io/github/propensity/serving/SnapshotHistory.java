// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.scoring.SnapshotScores;
import io.github.propensity.storage.JsonMappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every complete snapshot under the snapshot directory, newest first, and the reports stored in each. A snapshot is
 * a non-hidden folder holding a manifest (staging folders are hidden, so a run in progress is never listed). An id is
 * looked up among the listed folders' names, never resolved as a path, so a request cannot reach outside the root.
 */
public final class SnapshotHistory {
    private final ObjectMapper json = JsonMappers.standard();
    private final Path root;

    public SnapshotHistory(Path root) {
        this.root = root;
    }

    /**
     * One snapshot as the dashboard lists it.
     *
     * @param createdAt when the run finished and published it
     * @param rows      records read from the base
     * @param customers customers scored (the sum of {@code segments})
     * @param segments  customers per segment, in the rules' order
     */
    public record SnapshotSummary(String id, Instant createdAt, long rows, long customers, Map<String, Long> segments) {
        public SnapshotSummary {
            segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        }
    }

    /** Every snapshot, newest first (names are UTC times, so name order is time order). */
    public List<SnapshotSummary> list() {
        List<SnapshotSummary> summaries = new ArrayList<>();
        for (String id : ids()) {
            summaries.add(summary(id));
        }
        return summaries;
    }

    /** The snapshot's stored migration against the snapshot before it; 404 for an unknown id. */
    public SnapshotMigration migration(String id) {
        return migration(id, Optional.empty());
    }

    /**
     * The snapshot's migration against {@code against}, or against the snapshot before it when empty. That pair's
     * matrix was stored by the rescoring and is read back; any other pair is counted from the two scores files.
     */
    public SnapshotMigration migration(String id, Optional<String> against) {
        Path folder = folder(id);
        Optional<String> previous = previous(id);
        if (against.isEmpty() || against.equals(previous)) {
            return SnapshotMigration.read(id, previous.orElse(null), folder, segmentOrder(folder));
        }
        return pair(id, against.get()).matrix(segmentOrder(folder));
    }

    /**
     * Streams the customers of one cell of the migration between {@code id} and {@code against} (the snapshot before
     * it when empty): those whose {@code dimension} was {@code from} there and is {@code to} here.
     */
    public void migrationCustomers(String id, Optional<String> against, String dimension, String from, String to,
                                   SegmentLists.RowSink sink) {
        String older = against.or(() -> previous(id)).orElseThrow(() -> new InvalidInputException(
                "snapshot '" + id + "' is the first one: nobody moved into it; name another with against="));
        pair(id, older).customers(dimension, from, to, sink);
    }

    private SnapshotPair pair(String id, String against) {
        if (against.equals(id)) {
            throw new InvalidInputException("against names the snapshot itself; name another one (GET /v1/snapshots lists them)");
        }
        Path folder = folder(id);
        Path otherFolder = folder(against);
        return new SnapshotPair(id, SnapshotScores.of(folder), against, SnapshotScores.of(otherFolder));
    }

    private List<String> segmentOrder(Path folder) {
        List<String> order = new ArrayList<>();
        read(folder.resolve(SnapshotManifest.FILE)).path("segments").forEach(name -> order.add(name.asText()));
        return order;
    }

    /** The snapshot's drift against training, flagged first; 404 for an unknown id. */
    public SnapshotDrift drift(String id) {
        return SnapshotDrift.read(id, folder(id), this);
    }

    /** The snapshot's folder; 404 when no listed snapshot has this id. */
    Path folder(String id) {
        if (!ids().contains(id)) {
            throw new NotFoundException("no snapshot '" + id + "'; GET /v1/snapshots lists them");
        }
        return root.resolve(id);
    }

    /** The id of the snapshot listed just before {@code id} in time, if any. */
    Optional<String> previous(String id) {
        List<String> ids = ids();
        int index = ids.indexOf(id);
        return index >= 0 && index + 1 < ids.size() ? Optional.of(ids.get(index + 1)) : Optional.empty();
    }

    JsonNode read(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private SnapshotSummary summary(String id) {
        Path folder = root.resolve(id);
        JsonNode manifest = read(folder.resolve(SnapshotManifest.FILE));
        JsonNode segments = read(folder.resolve("segments.json"));
        Map<String, Long> counts = new LinkedHashMap<>();
        segments.path("segments").fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return new SnapshotSummary(id, Instant.parse(manifest.path("finished_at").asText()), manifest.path("rows").asLong(),
                segments.path("customers").asLong(), counts);
    }

    private List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> Files.isRegularFile(path.resolve(SnapshotManifest.FILE)))
                    .map(path -> path.getFileName().toString())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
