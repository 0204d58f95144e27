// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.DataException;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a feature file is and where it came from, written beside it as {@code <file>.meta.json}: the source log
 * and its checksum, the cut-offs, horizon and lookback, the definition of every column and label. {@code train}
 * reads it to leave the non-feature columns out and to record the cut-offs and label definition in the model card.
 * It is renamed into place before its CSV (see {@link FeatureFileWriter}) and records the CSV's checksum, so a pair
 * left inconsistent by an interrupted run is refused when read.
 *
 * @param csvSha256         SHA-256 of the CSV's bytes as stored; null only in files written before it was recorded
 * @param csvRows           data rows in the CSV (header excluded)
 * @param nonFeatureColumns columns a model must not learn from: the cut-off date and every label
 * @param valueModels       the value model behind each cut-off's value columns (empty without them)
 */
public record FeatureFileManifest(String format, Instant createdAt, String csvSha256, long csvRows, LogReadSummary source, List<LocalDate> asOf,
                                  int horizonDays, int lookbackDays, String idColumn, List<String> nonFeatureColumns,
                                  Map<String, String> labels, Map<String, String> columns, List<CutoffSummary> cutoffs,
                                  List<ValueAtCutoff> valueModels, List<String> warnings) {
    public static final String FORMAT = "propensity-features/1";
    private static final String SUFFIX = ".meta.json";

    public FeatureFileManifest {
        Objects.requireNonNull(format, "format");
        if (csvSha256 != null && !csvSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("csv_sha256 must be 64 lower-case hex digits, got '" + csvSha256 + "'");
        }
        if (csvRows < 0) {
            throw new IllegalArgumentException("csv_rows must not be negative, got " + csvRows);
        }
        asOf = List.copyOf(asOf);
        nonFeatureColumns = List.copyOf(nonFeatureColumns);
        // Copies that keep file order: a reader of the JSON sees the columns as the CSV has them.
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        cutoffs = List.copyOf(cutoffs);
        // Files written before value columns existed have none.
        valueModels = valueModels == null ? List.of() : List.copyOf(valueModels);
        warnings = List.copyOf(warnings);
    }

    /** Where the manifest of a feature file lives. */
    public static Path besides(Path featureFile) {
        return featureFile.resolveSibling(featureFile.getFileName() + SUFFIX);
    }

    /**
     * The manifest beside a data file, or null when the file was not built by {@code features}.
     *
     * @throws DataException when the manifest is unreadable, or does not describe the data file beside it (the
     *                       {@code features} run that wrote them was interrupted, or the CSV was changed afterwards)
     */
    public static FeatureFileManifest readBeside(Path dataFile) {
        Path path = besides(dataFile);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        FeatureFileManifest manifest = read(path);
        manifest.checkDescribes(dataFile, path);
        return manifest;
    }

    private static FeatureFileManifest read(Path path) {
        ObjectMapper json = JsonMappers.standard();
        try {
            FeatureFileManifest manifest = json.readValue(path.toFile(), FeatureFileManifest.class);
            if (!FORMAT.equals(manifest.format())) {
                throw DataException.inFile(path, "unknown feature metadata format '" + manifest.format() + "' (expected " + FORMAT + ")");
            }
            return manifest;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw DataException.inFile(path, "unreadable feature metadata: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private void checkDescribes(Path dataFile, Path path) {
        if (csvSha256 == null) {
            return;
        }
        String advice = " (the features run that wrote them was interrupted, or the CSV was changed afterwards); "
                + "run propensity features again";
        if (!Files.isRegularFile(dataFile)) {
            throw new DataException(dataFile.getFileName() + " is missing but " + path.getFileName() + " is there" + advice);
        }
        String actual;
        try {
            actual = Sha256.ofFile(dataFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile + ": " + e.getMessage(), e);
        }
        if (!actual.equals(csvSha256)) {
            throw new DataException(dataFile.getFileName() + " does not match " + path.getFileName() + ": the metadata records "
                    + csvRows + " rows with SHA-256 " + csvSha256 + ", the file's SHA-256 is " + actual + advice);
        }
    }
}
