// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.InOrderPipeline;
import io.github.propensity.data.RecordBatch;
import io.github.propensity.data.RecordChunk;
import io.github.propensity.data.RecordSource;
import io.github.propensity.data.StoredType;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.features.FeatureValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the pool: infers and fits the shared feature schema on its first rows (a sample is plenty for medians,
 * deviations and category levels), then streams every row through the encoder into float vectors. Identifier and
 * contact columns are never features. A row repeating an earlier id is a bad row: skipped, counted, and beyond the
 * source's tolerance the load fails naming the first such lines (never the ids).
 */
final class PoolReader {
    private static final Logger log = LoggerFactory.getLogger(PoolReader.class);
    static final int SCHEMA_SAMPLE_ROWS = 20_000;
    private static final int REPORTED_LINES = 5;

    private PoolReader() {
    }

    static EncodedPool read(PoolSource source) {
        FeatureSchema schema = fitSchema(source);
        FeatureEncoder encoder = schema.encoder();
        Rows rows = new Rows(source);
        try (RecordSource reader = RecordSource.open(source.file(), source.separator().orElse(null))) {
            int id = requireIdColumn(reader, source.idColumn());
            int email = source.keepContacts() ? reader.header().indexOf(source.emailColumn()) : -1;
            int phone = source.keepContacts() ? reader.header().indexOf(source.phoneColumn()) : -1;
            rows.contactColumns = email >= 0 || phone >= 0;
            FeatureEncoder.HeaderBinding binding = encoder.bind(reader.header());
            // This thread only finds where records end; splitting and encoding them runs on every core.
            try (InOrderPipeline<RecordChunk, EncodedBatch> encoding = new InOrderPipeline<>(
                    Runtime.getRuntime().availableProcessors(), "pool-encoding",
                    chunk -> EncodedBatch.of(chunk.split(false), encoder, binding), batch -> {
                        rows.add(batch, id, email, phone);
                        // The rows before an unreadable record first: an earlier bad value is named instead.
                        batch.records().failIfCutShort();
                    })) {
                RecordChunk chunk;
                while ((chunk = reader.nextChunk(RecordBatch.DEFAULT_ROWS)) != null) {
                    encoding.submit(chunk);
                }
                encoding.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.file() + ": " + e.getMessage(), e);
        }
        checkDuplicates(source, rows.duplicates, rows.ids.size() + rows.duplicates, rows.repeatedLines);
        String[] featureNames = encoder.featureNames();
        int[] columnOfFeature = new int[featureNames.length];
        int feature = 0;
        for (int c = 0; c < schema.columns().size(); c++) {
            for (int k = 0; k < schema.columns().get(c).featureNames().size(); k++) {
                columnOfFeature[feature++] = c;
            }
        }
        return new EncodedPool(source, rows.ids, rows.vectors.toArray(float[][]::new),
                rows.emails.toArray(String[]::new), rows.phones.toArray(String[]::new), rows.contactColumns, featureNames,
                schema.inputColumns(), columnOfFeature, rows.duplicates);
    }

    /** A batch's records with their vectors; a record that could not be encoded has a failure instead. */
    private record EncodedBatch(RecordBatch records, float[][] vectors, String[] failures) {
        /** Encodes every record (on a worker); a failure is reported only if its record is kept, not a repeat. */
        static EncodedBatch of(RecordBatch records, FeatureEncoder encoder, FeatureEncoder.HeaderBinding binding) {
            int size = records.size();
            String[][] fields = records.rows();
            double[] encoded = new double[encoder.width()];
            float[][] vectors = new float[size][];
            String[] failures = new String[size];
            for (int i = 0; i < size; i++) {
                try {
                    encoder.encode(fields[i], binding, encoded);
                } catch (FeatureValueException e) {
                    failures[i] = e.getMessage();
                    continue;
                }
                float[] vector = new float[encoded.length];
                for (int j = 0; j < encoded.length; j++) {
                    vector[j] = (float) encoded[j];
                }
                vectors[i] = vector;
            }
            return new EncodedBatch(records, vectors, failures);
        }
    }

    /** The pool as it is collected, in file order: the first row of each id, its vector and contacts. */
    private static final class Rows {
        private final PoolSource source;
        final IdIndex ids = new IdIndex();
        final List<float[]> vectors = new ArrayList<>();
        final List<String> emails = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final List<Long> repeatedLines = new ArrayList<>();
        long duplicates;
        boolean contactColumns;

        Rows(PoolSource source) {
            this.source = source;
        }

        void add(EncodedBatch batch, int id, int email, int phone) {
            RecordBatch raw = batch.records();
            for (int i = 0; i < raw.size(); i++) {
                String[] fields = raw.rows()[i];
                String customer = fields[id].strip();
                if (batch.failures()[i] != null && ids.rowOf(customer) < 0) {
                    throw DataException.at(source.file(), raw.lines()[i], batch.failures()[i]);
                }
                if (!ids.add(customer)) {
                    duplicates++;
                    if (repeatedLines.size() < REPORTED_LINES) {
                        repeatedLines.add(raw.lines()[i]);
                    }
                    continue;
                }
                vectors.add(batch.vectors()[i]);
                if (source.keepContacts()) {
                    emails.add(email < 0 ? null : fields[email]);
                    phones.add(phone < 0 ? null : fields[phone]);
                }
            }
        }
    }

    private static void checkDuplicates(PoolSource source, long duplicates, long rows, List<Long> repeatedLines) {
        if (duplicates == 0) {
            return;
        }
        String lines = repeatedLines.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (duplicates > source.maxDuplicateShare() * rows) {
            throw DataException.inFile(source.file(), duplicates + " of " + rows + " rows repeat an earlier row's customer id, more than the "
                    + String.format(Locale.ROOT, "%.3f", 100 * source.maxDuplicateShare()) + "% allowed; each customer must appear once"
                    + " (first repeated lines: " + lines + ")");
        }
        log.warn("{}: {} rows repeat an earlier row's customer id and are skipped; the first row of each id is kept (first repeated lines: {})",
                source.file().getFileName(), duplicates, lines);
    }

    private static FeatureSchema fitSchema(PoolSource source) {
        List<String[]> rows = new ArrayList<>();
        List<String> header;
        List<StoredType> storedTypes;
        try (RecordSource reader = RecordSource.open(source.file(), source.separator().orElse(null))) {
            header = reader.header();
            storedTypes = reader.storedTypes();
            int id = requireIdColumn(reader, source.idColumn());
            Set<String> seen = new HashSet<>();
            String[] fields;
            while (rows.size() < SCHEMA_SAMPLE_ROWS && (fields = reader.next()) != null) {
                if (seen.add(fields[id].strip())) {
                    rows.add(fields);
                }
            }
        }
        if (rows.isEmpty()) {
            throw DataException.inFile(source.file(), "the pool has no customers");
        }
        CustomerTable sample = new CustomerTable(source.file(), "", header, rows, new long[rows.size()], storedTypes);
        Map<String, String> notFeatures = new LinkedHashMap<>();
        notFeatures.put(source.idColumn(), "the customer id");
        notFeatures.put(source.emailColumn(), "contact data");
        notFeatures.put(source.phoneColumn(), "contact data");
        for (String drop : source.dropColumns()) {
            notFeatures.put(drop, "dropped: not a feature");
        }
        List<ColumnDecision> decisions = SchemaInference.infer(sample, notFeatures);
        if (decisions.stream().noneMatch(ColumnDecision::isFeature)) {
            throw DataException.inFile(source.file(), "no usable feature columns");
        }
        return FeatureSchemaFitter.fit(sample, decisions, IntStream.range(0, rows.size()).toArray());
    }

    /** The id column's index; missing, it is an error listing the columns there are. */
    static int requireIdColumn(RecordSource reader, String column) {
        return requireColumn(reader, column, "id");
    }

    static int requireColumn(RecordSource reader, String column, String role) {
        int index = reader.header().indexOf(column);
        if (index < 0) {
            throw DataException.inFile(reader.file(), role + " column '" + column + "' not found; the columns are: "
                    + String.join(", ", reader.header()));
        }
        return index;
    }

    /** Numeric cell or NaN, for value weights. */
    static double number(String raw) {
        Double value = raw == null ? null : NumericValues.parse(raw.strip());
        return value == null ? Double.NaN : value;
    }
}
