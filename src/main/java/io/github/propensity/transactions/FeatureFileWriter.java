// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.Decimals;
import io.github.propensity.storage.JsonMappers;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a feature table as CSV (gzip when the name ends in .gz) with its manifest beside it. Both are written to
 * temporary files and renamed into place, so a crash leaves the previous files or none, never half a file.
 */
public final class FeatureFileWriter {
    private final ObjectMapper json = JsonMappers.standard();

    public FeatureFileManifest write(FeatureTable table, LogReadSummary source, Path out) throws IOException {
        Path directory = out.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path manifestPath = FeatureFileManifest.besides(out.toAbsolutePath());
        Path csvTemp = directory.resolve("." + out.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Path manifestTemp = directory.resolve("." + manifestPath.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            List<String> header = header(table);
            try (CSVPrinter printer = printer(csvTemp, out)) {
                printer.printRecord(header);
                List<String> record = new ArrayList<>(header.size());
                for (CustomerRow row : table.rows()) {
                    record.clear();
                    record.add(row.customerId());
                    record.add(row.asOf().toString());
                    for (double value : row.values()) {
                        record.add(format(value));
                    }
                    record.add(row.segment().label());
                    if (table.settings().labels().purchase()) {
                        record.add(yesNo(row.purchased()));
                    }
                    if (table.settings().labels().churn()) {
                        record.add(yesNo(row.churned()));
                    }
                    printer.printRecord(record);
                }
            }
            FeatureFileManifest manifest = manifest(table, source);
            json.writeValue(manifestTemp.toFile(), manifest);
            Files.move(manifestTemp, manifestPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(csvTemp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } finally {
            Files.deleteIfExists(csvTemp);
            Files.deleteIfExists(manifestTemp);
        }
    }

    static List<String> header(FeatureTable table) {
        List<String> header = new ArrayList<>();
        header.add(FeatureLayout.ID_COLUMN);
        header.add(FeatureLayout.AS_OF_COLUMN);
        header.addAll(table.layout().numericColumns());
        header.add(FeatureLayout.RFM_SEGMENT_COLUMN);
        header.addAll(HorizonLabels.definitions(table.settings()).keySet());
        return header;
    }

    private static FeatureFileManifest manifest(FeatureTable table, LogReadSummary source) {
        List<String> nonFeatures = new ArrayList<>();
        nonFeatures.add(FeatureLayout.AS_OF_COLUMN);
        nonFeatures.addAll(HorizonLabels.definitions(table.settings()).keySet());
        FeatureSettings settings = table.settings();
        return new FeatureFileManifest(FeatureFileManifest.FORMAT, Instant.now(), source, settings.asOfDates(),
                settings.horizonDays(), settings.lookbackDays(), FeatureLayout.ID_COLUMN, nonFeatures,
                HorizonLabels.definitions(settings), table.layout().definitions(), table.cutoffs(), table.warnings());
    }

    /** Integers as integers, everything else to four decimals without trailing zeros; NaN as an empty cell. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String fixed = Decimals.format(value, 4);
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0') {
            end--;
        }
        return fixed.charAt(end - 1) == '.' ? fixed.substring(0, end - 1) : fixed.substring(0, end);
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "yes" : "no";
    }

    private static CSVPrinter printer(Path temporary, Path target) throws IOException {
        OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (target.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    }
}
