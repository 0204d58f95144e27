// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.RecordBatch;
import io.github.propensity.data.RecordChunk;
import io.github.propensity.data.RecordSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The read floor of the benchmarks: every record of a CSV or Parquet input turned into text fields through the
 * project's record reader, on one thread, and nothing else.
 */
@Command(name = "scan", hidden = true, description = "Read a CSV or Parquet input through the project's record reader (benchmark floor).")
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Mixin
    CommandContext context;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        long rows = 0;
        long fields = 0;
        try (RecordSource reader = RecordSource.open(data, null)) {
            RecordChunk chunk;
            while ((chunk = reader.nextChunk(RecordBatch.DEFAULT_ROWS)) != null) {
                RecordBatch batch = chunk.split(false);
                rows += batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    fields += batch.rows()[i].length;
                }
                batch.failIfCutShort();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.commandLine().getOut().println("{\"rows\":" + rows + ",\"fields\":" + fields + ",\"seconds\":" + seconds
                + ",\"rows_per_second\":" + Math.round(rows / seconds) + "}");
        return ExitCode.OK;
    }
}
