// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Writes a generated transaction log as CSV (gzip for .gz), through a temporary file renamed into place. */
public final class TransactionSampleWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TransactionSampleWriter() {
    }

    /** @return the number of lines written */
    public static int write(Path out, int customers, long seed) throws IOException {
        List<TransactionSampleGenerator.Line> lines = new TransactionSampleGenerator(seed).generate(customers);
        Path directory = out.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + out.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (out.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
                printer.printRecord(TransactionSampleGenerator.COLUMNS);
                for (TransactionSampleGenerator.Line line : lines) {
                    printer.printRecord(line.invoice(), line.customerId() == null ? "" : line.customerId(), TIME.format(line.time()),
                            line.quantity(), String.format(java.util.Locale.ROOT, "%.2f", line.unitPrice()));
                }
            }
            Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return lines.size();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
