// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads seed ids (with value weights) and suppression lists. */
final class SeedReader {
    private SeedReader() {
    }

    /**
     * Seed id to weight. With a value column, a member's weight is its value over the seed's mean value (missing or
     * non-positive values count as the smallest positive one), so spend-weighted seeds favour big spenders.
     */
    static Map<String, Double> seed(Path file, String idColumn, String valueColumn, Character separator) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, separator)) {
            int id = column(reader, idColumn, "--id");
            int value = valueColumn == null ? -1 : column(reader, valueColumn, "--value-col");
            String[] fields;
            while ((fields = reader.next()) != null) {
                if (MissingValues.isMissing(fields[id])) {
                    continue;
                }
                values.put(fields[id].strip(), value < 0 ? 1.0 : PoolReader.number(fields[value]));
            }
        }
        if (valueColumn != null) {
            double smallest = values.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1);
            double mean = values.values().stream().mapToDouble(v -> v > 0 ? v : smallest).average().orElse(1);
            values.replaceAll((k, v) -> (v > 0 ? v : smallest) / mean);
        }
        return values;
    }

    /** Ids from the column named like the id column, or the file's first column. */
    static Set<String> suppressed(Path file, String idColumn, Character separator) {
        Set<String> ids = new HashSet<>();
        if (file == null) {
            return ids;
        }
        try (CsvRecordReader reader = CsvRecordReader.open(file, separator)) {
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

    private static int column(CsvRecordReader reader, String name, String option) {
        int index = reader.header().indexOf(name);
        if (index < 0) {
            throw DataException.inFile(reader.file(), option + " column '" + name + "' not found; the columns are: "
                    + String.join(", ", reader.header()));
        }
        return index;
    }
}
