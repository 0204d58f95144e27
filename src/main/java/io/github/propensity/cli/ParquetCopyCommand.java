// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.ParquetTableWriter;
import io.github.propensity.data.RecordSource;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The Parquet benchmark's input: a CSV rewritten as Parquet with a type per column, chosen from the first rows (whole
 * numbers as 64-bit integers, other numbers as doubles, anything else as text). A later value that does not fit its
 * column's type stops it with the line and column.
 */
@Command(name = "parquet-copy", hidden = true,
        description = "Rewrite a CSV as a Parquet file, typing columns from the first rows (benchmark input).")
final class ParquetCopyCommand implements Callable<Integer> {
    private static final int TYPING_ROWS = 20_000;

    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.parquet")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        long[] rows = new long[1];
        try (RecordSource reader = RecordSource.open(data, null)) {
            List<String[]> head = new ArrayList<>();
            List<Long> headLines = new ArrayList<>();
            for (String[] fields; head.size() < TYPING_ROWS && (fields = reader.next()) != null; ) {
                head.add(fields);
                headLines.add(reader.lineNumber());
            }
            List<ParquetTableWriter.Column> columns = new ArrayList<>();
            for (int c = 0; c < reader.header().size(); c++) {
                columns.add(new ParquetTableWriter.Column(reader.header().get(c), typeOf(head, c)));
            }
            AtomicFile.write(out, Compression.NONE, stream -> {
                try (ParquetTableWriter writer = ParquetTableWriter.open(stream, columns)) {
                    for (int i = 0; i < head.size(); i++) {
                        writer.write(typed(head.get(i), columns, reader, headLines.get(i)));
                        rows[0]++;
                    }
                    for (String[] fields; (fields = reader.next()) != null; ) {
                        writer.write(typed(fields, columns, reader, reader.lineNumber()));
                        rows[0]++;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.commandLine().getOut().println("{\"rows\":" + rows[0] + ",\"seconds\":" + seconds + "}");
        return ExitCode.OK;
    }

    private static ParquetTableWriter.CellType typeOf(List<String[]> head, int column) {
        boolean whole = true;
        boolean present = false;
        for (String[] fields : head) {
            if (MissingValues.isMissing(fields[column])) {
                continue;
            }
            present = true;
            String value = fields[column].strip();
            if (NumericValues.parse(value) == null) {
                return ParquetTableWriter.CellType.TEXT;
            }
            whole &= isLong(value);
        }
        return !present ? ParquetTableWriter.CellType.TEXT : whole ? ParquetTableWriter.CellType.LONG : ParquetTableWriter.CellType.DOUBLE;
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The row with missing cells emptied and numbers checked against their column's type. */
    private static String[] typed(String[] fields, List<ParquetTableWriter.Column> columns, RecordSource reader, long line) {
        String[] cells = new String[fields.length];
        for (int c = 0; c < fields.length; c++) {
            ParquetTableWriter.CellType type = columns.get(c).type();
            if (type != ParquetTableWriter.CellType.TEXT && MissingValues.isMissing(fields[c])) {
                cells[c] = "";
                continue;
            }
            String value = type == ParquetTableWriter.CellType.TEXT ? fields[c] : fields[c].strip();
            if (type == ParquetTableWriter.CellType.LONG && !isLong(value)
                    || type == ParquetTableWriter.CellType.DOUBLE && NumericValues.parse(value) == null) {
                throw DataException.atColumn(reader.file(), line, columns.get(c).name(), "'" + value + "' is not a "
                        + type.name().toLowerCase(Locale.ROOT) + " like the first rows of the column");
            }
            cells[c] = value;
        }
        return cells;
    }
}
