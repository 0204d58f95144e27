// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.data.Decimals;
import io.github.propensity.storage.AtomicFile;
import io.github.propensity.storage.Compression;
import io.github.propensity.storage.JsonMappers;
import io.github.propensity.storage.Sha256;
import io.github.propensity.storage.StagedFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a feature table as CSV (gzip when the name ends in .gz) with its manifest beside it, so that a crash at any
 * point leaves the previous pair, or a pair that {@code train} refuses, never a new CSV read with old metadata.
 * <p>
 * Both files are first staged completely on disk. The manifest records the staged CSV's SHA-256 and row count and
 * is renamed into place <em>first</em>; the CSV's rename is the commit. Interrupted in between, the folder holds the
 * new manifest next to the old CSV (or no CSV), which {@link FeatureFileManifest#readBeside} rejects because the
 * checksum differs. The other order would be worse: a first run interrupted after the CSV's rename would leave a
 * CSV with no manifest, which {@code train} would take for an ordinary customer file and learn from its labels.
 */
public final class FeatureFileWriter {
    private final ObjectMapper json = JsonMappers.standard();
    private final Clock clock;

    public FeatureFileWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of the manifest's creation time */
    public FeatureFileWriter(Clock clock) {
        this.clock = clock;
    }

    public FeatureFileManifest write(FeatureTable table, LogReadSummary source, Path out) throws IOException {
        Path manifestPath = FeatureFileManifest.besides(out.toAbsolutePath());
        try (StagedFile csv = AtomicFile.stageText(out, Compression.byName(out), writer -> writeRows(table, writer))) {
            FeatureFileManifest manifest = manifest(table, source, Sha256.ofFile(csv.temporary()));
            try (StagedFile meta = AtomicFile.stage(manifestPath, stream -> json.writeValue(stream, manifest))) {
                meta.commit();
            }
            csv.commit();
            return manifest;
        }
    }

    private static void writeRows(FeatureTable table, Writer writer) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        List<String> header = header(table);
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
        printer.flush();
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

    private FeatureFileManifest manifest(FeatureTable table, LogReadSummary source, String csvSha256) {
        List<String> nonFeatures = new ArrayList<>();
        nonFeatures.add(FeatureLayout.AS_OF_COLUMN);
        nonFeatures.addAll(HorizonLabels.definitions(table.settings()).keySet());
        FeatureSettings settings = table.settings();
        return new FeatureFileManifest(FeatureFileManifest.FORMAT, clock.instant(), csvSha256, table.rows().size(), source, settings.asOfDates(),
                settings.horizonDays(), settings.lookbackDays(), FeatureLayout.ID_COLUMN, nonFeatures,
                HorizonLabels.definitions(settings), table.layout().definitions(), table.cutoffs(), table.valueModels(), table.warnings());
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
}
