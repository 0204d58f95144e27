// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.RecordSource;
import io.github.propensity.data.MissingValues;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads seed ids (with value weights) and suppression lists from files. */
public final class SeedReader {
    private SeedReader() {
    }

    /** The seed ids of a file's id column, weighted by the value column when one is named. */
    public static SeedIds seed(Path file, String idColumn, Optional<String> valueColumn, Optional<Character> separator) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (RecordSource reader = RecordSource.open(file, separator.orElse(null))) {
            int id = PoolReader.requireIdColumn(reader, idColumn);
            int value = valueColumn.map(column -> PoolReader.requireColumn(reader, column, "value")).orElse(-1);
            String[] fields;
            while ((fields = reader.next()) != null) {
                if (MissingValues.isMissing(fields[id])) {
                    continue;
                }
                values.put(fields[id].strip(), value < 0 ? 1.0 : PoolReader.number(fields[value]));
            }
        }
        String source = file.getFileName().toString();
        return valueColumn.isPresent() ? SeedIds.weightedBy(source, values) : new SeedIds(source, values, false);
    }

    /** Ids from the column named like the id column, or the file's first column. */
    public static Set<String> suppressed(Path file, String idColumn, Optional<Character> separator) {
        Set<String> ids = new HashSet<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, separator.orElse(null))) {
            int id = Math.max(0, reader.header().indexOf(idColumn));
            String[] fields;
            while ((fields = reader.nextAnyWidth()) != null) {
                if (fields.length > id && !MissingValues.isMissing(fields[id])) {
                    ids.add(fields[id].strip());
                }
            }
        }
        return ids;
    }
}
