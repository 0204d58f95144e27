// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.scoring.CustomerIdHash;
import io.github.propensity.training.LabelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an outcomes file into an {@link OutcomeTable}: one binary outcome per customer id. Refuses a file without
 * the id or label column, a label with more than two values, a positive value that never occurs, and more repeated
 * ids than rescoring would accept as bad rows ({@link #MAX_REPEATED_SHARE}).
 */
final class OutcomeFile {
    private static final Logger log = LoggerFactory.getLogger(OutcomeFile.class);
    /** The share of repeated ids tolerated: rescoring's default --max-bad-rows, where repeated ids count as bad rows. */
    static final double MAX_REPEATED_SHARE = 0.001;
    /** Enough rows (a few hundred kB) that the read-ahead barely skews the size estimate, as in rescoring. */
    private static final int ESTIMATE_AFTER_ROWS = 16_384;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    /** The outcomes read, and what was left out. */
    record Read(OutcomeTable table, long rows, long unlabelled, long withoutId, long repeatedIds, long positives,
                String sha256) {
    }

    private OutcomeFile() {
    }

    static Read read(Path file, String idColumn, LabelSpec label, Character separator) {
        try (CsvRecordReader reader = CsvRecordReader.open(file, separator)) {
            List<String> header = reader.header();
            int id = header.indexOf(idColumn);
            int outcome = header.indexOf(label.column());
            if (id < 0 || outcome < 0) {
                String missing = id < 0 && outcome < 0 ? "id column '" + idColumn + "' and label column '" + label.column() + "' not found"
                        : id < 0 ? "id column '" + idColumn + "' not found" : "label column '" + label.column() + "' not found";
                throw DataException.inFile(file, missing + "; the columns are: " + String.join(", ", header));
            }
            long fileSize = reader.totalBytes();
            OutcomeTable table = new OutcomeTable(1 << 16);
            long[] hash = new long[2];
            List<String> values = new ArrayList<>(2);
            long rows = 0;
            long unlabelled = 0;
            long withoutId = 0;
            long repeated = 0;
            long positives = 0;
            long start = System.nanoTime();
            long lastProgress = start;
            String[] fields;
            while ((fields = reader.next()) != null) {
                rows++;
                if ((rows & 0xFFFF) == 0 && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    log.info("read {} outcome records ({}% of {})", rows,
                            fileSize > 0 ? Math.round(100.0 * reader.bytesRead() / fileSize) : "?", file.getFileName());
                }
                if (rows == ESTIMATE_AFTER_ROWS && fileSize > 0) {
                    table.reserve((long) (1.1 * rows * fileSize / Math.max(1, reader.bytesRead())));
                }
                String raw = fields[outcome];
                if (MissingValues.isMissing(raw)) {
                    unlabelled++;
                    continue;
                }
                String customer = fields[id].strip();
                if (customer.isEmpty()) {
                    withoutId++;
                    continue;
                }
                boolean positive = label.isPositive(raw);
                checkBinary(file, reader.lineNumber(), label, raw, values);
                CustomerIdHash.hash(customer, hash, 0);
                if (table.add(hash[0], hash[1], positive)) {
                    positives += positive ? 1 : 0;
                } else {
                    repeated++;
                }
            }
            if (positives == 0) {
                throw DataException.inFile(file, "the positive value '" + label.positiveValue() + "' never occurs in column '"
                        + label.column() + "'" + (values.isEmpty() ? " (it has no values)" : "; its values are: " + String.join(", ", values))
                        + "; give the value meaning the outcome happened with --positive");
            }
            if (repeated > MAX_REPEATED_SHARE * rows) {
                throw DataException.inFile(file, repeated + " of " + rows + " records repeat the id of an earlier record, more than the "
                        + String.format(Locale.ROOT, "%.1f", 100 * MAX_REPEATED_SHARE) + "% allowed; give one outcome per customer");
            }
            log.info("read {} outcome records in {} ms: {} customers with an outcome", rows, (System.nanoTime() - start) / 1_000_000,
                    table.size());
            return new Read(table, rows, unlabelled, withoutId, repeated, positives, reader.sha256Hex());
        }
    }

    /**
     * Remembers the two values a binary label may have (compared as the positive one is: stripped, ignoring case); a
     * third one means the column is not a yes/no outcome. Whether the positive value is among them is asked at the end,
     * so a mistyped --positive over a yes/no column is reported as that, not as a third value.
     */
    private static void checkBinary(Path file, long line, LabelSpec label, String raw, List<String> values) {
        String value = raw.strip();
        for (String seen : values) {
            if (seen.equalsIgnoreCase(value)) {
                return;
            }
        }
        if (values.size() == 2) {
            throw DataException.atColumn(file, line, label.column(), "the outcome is not binary: value '" + value + "' after '"
                    + values.get(0) + "' and '" + values.get(1) + "'; a backtest needs two values, e.g. yes and no");
        }
        values.add(value);
    }
}
