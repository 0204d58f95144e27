// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.data.DataException;
import io.github.propensity.data.RecordSource;
import io.github.propensity.storage.JsonMappers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot's scores file and its id column: the one place every reader of a snapshot (the next rescoring's
 * migration, the server's lists and migrations, targeting, backtests) finds them. The file is {@code scores.csv},
 * {@code scores.csv.gz} or {@code scores.parquet} (a file from the CLI, a folder of segment partitions from the Spark
 * job), read through {@link RecordSource}, so readers find columns by name: the Spark job's partition column
 * ({@code segment}) comes last, and a Parquet cell is the text a CSV would hold, numbers possibly with other digits.
 *
 * @param file     the scores file or folder
 * @param idColumn the customer id column as the snapshot's manifest names it; empty for a snapshot whose manifest
 *                 names none (made before manifests did), whose scores file has the id first, as the CLI writes it
 */
public record SnapshotScores(Path file, Optional<String> idColumn) {
    /** The names a scores file may have in a snapshot folder, in the order they are looked for. */
    public static final List<String> NAMES = Arrays.stream(ScoresDestination.Snapshot.Format.values())
            .map(ScoresDestination.Snapshot.Format::fileName).toList();

    public SnapshotScores {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(idColumn, "idColumn");
    }

    /** The scores file of a snapshot folder, if it has one. */
    public static Optional<Path> find(Path snapshot) {
        return NAMES.stream().map(snapshot::resolve).filter(Files::exists).findFirst();
    }

    /**
     * The scores of a snapshot folder; bad input naming the folder when it has no scores file.
     *
     * @throws DataException when the folder has no scores file or its manifest cannot be read
     */
    public static SnapshotScores of(Path snapshot) {
        Path file = find(snapshot).orElseThrow(() -> new DataException(snapshot + " is not a complete snapshot: it has no scores file ("
                + String.join(", ", NAMES) + ")"));
        return new SnapshotScores(file, idColumnOf(snapshot));
    }

    /** Opens the scores for reading: header and rows, whatever the format. */
    public RecordSource open() {
        return RecordSource.open(file, ',');
    }

    /**
     * Opens the scores reading at least the id column and {@code columns}: Parquet reads only those (a column store
     * skips the rest), a CSV every column. Find columns by name in the header either way.
     */
    public RecordSource open(Collection<String> columns) {
        if (idColumn.isEmpty()) {
            // The id is known only by its place, so every column is read.
            return open();
        }
        List<String> wanted = new ArrayList<>(columns);
        wanted.add(idColumn.get());
        return RecordSource.open(file, ',', wanted);
    }

    /**
     * Where the id column is in {@code header}; bad input naming the file when it is not there.
     *
     * @throws DataException when the header lacks the id column
     */
    public int idIndex(List<String> header) {
        if (idColumn.isEmpty()) {
            return 0;
        }
        int index = header.indexOf(idColumn.get());
        if (index < 0) {
            throw DataException.inFile(file, "the snapshot's id column '" + idColumn.get() + "' is not in its scores file; the columns are: "
                    + String.join(", ", header));
        }
        return index;
    }

    private static Optional<String> idColumnOf(Path snapshot) {
        Path manifest = snapshot.resolve(SnapshotManifest.FILE);
        if (!Files.exists(manifest)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JsonMappers.standard().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new DataException(snapshot + " is not a complete snapshot: " + SnapshotManifest.FILE + " cannot be read (" + e.getMessage() + ")", e);
        }
        JsonNode named = json.path(SnapshotManifest.ID_COLUMN);
        return named.isTextual() ? Optional.of(named.asText()) : Optional.empty();
    }
}
