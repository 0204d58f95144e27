// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The benchmark's floor: read and write a CSV through the same CSV code as scoring, and nothing else. */
@Command(name = "csv-copy", hidden = true, description = "Copy a CSV through the project's CSV reader and writer (benchmark floor).")
final class CsvCopyCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        long[] rows = new long[1];
        try (CsvRecordReader reader = CsvRecordReader.open(data, null)) {
            AtomicFile.writeText(out, Compression.NONE, writer -> {
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                printer.printRecord((Object[]) reader.header().toArray(String[]::new));
                String[] fields;
                while ((fields = reader.nextAnyWidth()) != null) {
                    printer.printRecord((Object[]) fields);
                    rows[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy to " + out + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.commandLine().getOut().println("{\"rows\":" + rows[0] + ",\"seconds\":" + seconds + ",\"rows_per_second\":" + Math.round(rows[0] / seconds) + "}");
        return ExitCode.OK;
    }
}
