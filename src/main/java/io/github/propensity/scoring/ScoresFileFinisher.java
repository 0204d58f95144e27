// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.ParquetTableWriter;
import io.github.propensity.model.Task;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import org.apache.commons.csv.CSVFormat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pass two: adds each customer's percentile within this base to the scored rows and writes the final scores file
 * (into the snapshot, to a file, or to stdout), counting migration on the way. A file named {@code .parquet} is
 * written as Parquet with typed columns ({@link #columnTypes}), the same values as the CSV.
 */
final class ScoresFileFinisher {
    private final List<Task> tasks;
    private final ScoringInput input;
    private final ScoringTally tally;
    private final List<String> valueColumns;
    private final List<String> campaigns;
    private final boolean personas;

    /**
     * @param valueColumns the value columns the rows carry after the kept ones, empty when the base has no CLV
     * @param campaigns    the campaigns whose uplift columns the rows carry after the task columns
     * @param personas     whether the rows carry the persona columns after the uplift ones
     */
    ScoresFileFinisher(List<Task> tasks, ScoringInput input, ScoringTally tally, List<String> valueColumns, List<String> campaigns,
                       boolean personas) {
        this.personas = personas;
        this.tasks = tasks;
        this.campaigns = List.copyOf(campaigns);
        this.input = input;
        this.tally = tally;
        this.valueColumns = List.copyOf(valueColumns);
    }

    /**
     * The scores file's columns; the id column keeps the input's name. Uplift columns, then the persona columns, come
     * after every task's and before the percentiles, so a file without campaigns or personas keeps the layout it
     * always had, and every column a reader found by position before keeps its place.
     */
    static List<String> header(String idColumn, List<Task> tasks, List<String> keepColumns, List<String> valueColumns,
                               List<String> campaigns, boolean personas) {
        List<String> header = new ArrayList<>(List.of(idColumn, "segment"));
        header.addAll(keepColumns);
        header.addAll(valueColumns);
        for (Task task : tasks) {
            String t = task.id();
            header.addAll(List.of(t + "_probability", t + "_score", t + "_band", t + "_reason_1", t + "_reason_2", t + "_reason_3"));
        }
        for (String campaign : campaigns) {
            header.addAll(List.of(campaign + "_uplift", campaign + "_group"));
        }
        if (personas) {
            header.addAll(PreparedPersona.COLUMNS);
        }
        for (Task task : tasks) {
            header.add(task.id() + "_percentile");
        }
        return header;
    }

    /**
     * The scores file's column types for Parquet, in {@link #header} order: numbers stay numbers, and kept columns stay
     * the text they were in the input.
     */
    static List<ParquetTableWriter.Column> columnTypes(List<String> header, List<Task> tasks, List<String> keepColumns,
                                                       List<String> valueColumns, List<String> campaigns, boolean personas) {
        List<ParquetTableWriter.CellType> types = new ArrayList<>(List.of(ParquetTableWriter.CellType.TEXT, ParquetTableWriter.CellType.TEXT));
        keepColumns.forEach(column -> types.add(ParquetTableWriter.CellType.TEXT));
        for (String column : valueColumns) {
            types.add(column.equals(ValueInput.VALUE_BAND) ? ParquetTableWriter.CellType.TEXT : ParquetTableWriter.CellType.DOUBLE);
        }
        for (Task ignored : tasks) {
            types.addAll(List.of(ParquetTableWriter.CellType.DOUBLE, ParquetTableWriter.CellType.INTEGER, ParquetTableWriter.CellType.TEXT,
                    ParquetTableWriter.CellType.TEXT, ParquetTableWriter.CellType.TEXT, ParquetTableWriter.CellType.TEXT));
        }
        for (String ignored : campaigns) {
            types.addAll(List.of(ParquetTableWriter.CellType.DOUBLE, ParquetTableWriter.CellType.TEXT));
        }
        if (personas) {
            types.addAll(List.of(ParquetTableWriter.CellType.INTEGER, ParquetTableWriter.CellType.TEXT));
        }
        tasks.forEach(task -> types.add(ParquetTableWriter.CellType.DOUBLE));
        if (types.size() != header.size()) {
            throw new IllegalStateException("scores file types " + types.size() + " for " + header.size() + " columns");
        }
        List<ParquetTableWriter.Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            columns.add(new ParquetTableWriter.Column(header.get(c), types.get(c)));
        }
        return columns;
    }

    /**
     * Writes the scores file at {@code target} (gzip when its name ends in .gz, Parquet when in .parquet), counting
     * migration on the way.
     */
    void writeFile(Path partial, Path target, Migration migration) {
        writeFile(partial, target, Optional.of(migration));
    }

    /** Writes a scores file outside any snapshot: nothing to migrate from, so no migration is counted. */
    void writeFile(Path partial, Path target) {
        writeFile(partial, target, Optional.empty());
    }

    private void writeFile(Path partial, Path target, Optional<Migration> migration) {
        try {
            switch (ScoresFormat.of(target)) {
                case CSV -> AtomicFile.write(target, Compression.byName(target), out -> copyWithPercentiles(partial, out, migration));
                case PARQUET -> AtomicFile.write(target, Compression.NONE, out -> writeParquet(partial, out, migration));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scores file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the scores file to standard output. */
    void writeStdout(Path partial) {
        // Not closed: closing would close System.out for the rest of the process.
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try {
            copyWithPercentiles(partial, out, Optional.empty());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scores file: " + e.getMessage(), e);
        }
    }

    private void copyWithPercentiles(Path partial, OutputStream out, Optional<Migration> migration) throws IOException {
        StringBuilder header = new StringBuilder();
        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get()
                .printRecord(header, header(input.idColumn(), tasks, input.keepColumns(), valueColumns, campaigns, personas).toArray());
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        // 8 bytes fit ",100.0" and any shorter percentile.
        byte[] suffix = new byte[8 * tasks.size() + 1];
        eachRow(partial, migration, (lines, percentileTexts) -> {
            out.write(lines.buffer(), lines.start(), lines.length());
            int length = 0;
            for (byte[] value : percentileTexts) {
                suffix[length++] = ',';
                System.arraycopy(value, 0, suffix, length, value.length);
                length += value.length;
            }
            suffix[length++] = '\n';
            out.write(suffix, 0, length);
        });
    }

    /** The same rows and values as {@link #copyWithPercentiles}, as typed Parquet columns. */
    private void writeParquet(Path partial, OutputStream out, Optional<Migration> migration) throws IOException {
        List<String> header = header(input.idColumn(), tasks, input.keepColumns(), valueColumns, campaigns, personas);
        List<ParquetTableWriter.Column> columns = columnTypes(header, tasks, input.keepColumns(), valueColumns, campaigns, personas);
        String[] cells = new String[header.size()];
        int scored = header.size() - tasks.size();
        try (ParquetTableWriter writer = ParquetTableWriter.open(out, columns)) {
            eachRow(partial, migration, (lines, percentileTexts) -> {
                int fields = CsvLine.split(lines.buffer(), lines.start(), lines.length(), cells);
                if (fields != scored) {
                    throw new IllegalStateException("a scored row of " + fields + " fields where " + scored + " were written");
                }
                for (int t = 0; t < percentileTexts.length; t++) {
                    cells[scored + t] = new String(percentileTexts[t], StandardCharsets.US_ASCII);
                }
                writer.write(cells);
            });
        }
    }

    /** What is done with each scored row and its percentiles' text, in file order. */
    private interface RowWriter {
        void write(ByteLines line, byte[][] percentileTexts) throws IOException;
    }

    private void eachRow(Path partial, Optional<Migration> migration, RowWriter writer) throws IOException {
        BasePercentiles[] percentiles = new BasePercentiles[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            percentiles[t] = BasePercentiles.fromSorted(tally.sortedProbabilities(t));
        }
        byte[] bands = new byte[tasks.size()];
        byte[][] percentileTexts = new byte[tasks.size()][];
        try (InputStream in = Files.newInputStream(partial)) {
            ByteLines lines = new ByteLines(in);
            int row = 0;
            while (lines.next()) {
                for (int t = 0; t < tasks.size(); t++) {
                    percentileTexts[t] = percentiles[t].text(percentiles[t].tenths(tally.probability(t, row)));
                }
                writer.write(lines, percentileTexts);
                if (migration.isPresent()) {
                    tally.bands(row, bands);
                    migration.get().observe(firstField(lines.buffer(), lines.start(), lines.length()),
                            tally.segment(row), bands, tally.persona(row));
                }
                row++;
            }
        }
    }

    /** The customer id at the start of a line written by {@link BatchWorker}, decoded from its bytes. */
    private static String firstField(byte[] line, int start, int length) {
        if (length > 0 && line[start] == '"') {
            return firstField(new String(line, start, length, StandardCharsets.UTF_8));
        }
        int comma = start;
        while (comma < start + length && line[comma] != ',') {
            comma++;
        }
        return new String(line, start, comma - start, StandardCharsets.UTF_8);
    }

    /** The first CSV field of a line written by {@link BatchWorker} (quoted only when it must be). */
    static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
