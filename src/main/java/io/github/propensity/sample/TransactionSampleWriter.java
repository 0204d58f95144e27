// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes a generated transaction log as CSV (gzip for .gz), through a temporary file renamed into place. */
public final class TransactionSampleWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TransactionSampleWriter() {
    }

    /** @return the number of lines written */
    public static int write(Path out, int customers, long seed) throws IOException {
        List<TransactionSampleGenerator.Line> lines = new TransactionSampleGenerator(seed).generate(customers);
        AtomicFile.writeText(out, Compression.byName(out), writer -> {
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(TransactionSampleGenerator.COLUMNS);
            for (TransactionSampleGenerator.Line line : lines) {
                printer.printRecord(line.invoice(), line.customerId() == null ? "" : line.customerId(), TIME.format(line.time()),
                        line.quantity(), String.format(Locale.ROOT, "%.2f", line.unitPrice()));
            }
        });
        return lines.size();
    }
}
