// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CsvRecordReader;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.features.FeatureValueException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads the pool: infers and fits the shared feature schema on its first rows (a sample is plenty for medians,
 * deviations and category levels), then streams every row through the encoder into float vectors, marking seed
 * members and suppressed ids on the way. Identifier and contact columns are never features.
 */
final class PoolReader {
    static final int SCHEMA_SAMPLE_ROWS = 20_000;

    private PoolReader() {
    }

    static Pool read(LookalikeRequest request, Map<String, Double> seedWeights, Set<String> suppressed) {
        FeatureSchema schema = fitSchema(request);
        FeatureEncoder encoder = schema.encoder();
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Boolean> suppressedRows = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        boolean contacts = request.export() != ExportFormat.PLAIN;
        double[] encoded = new double[encoder.width()];
        try (CsvRecordReader reader = CsvRecordReader.open(request.pool(), request.separator())) {
            int id = requireColumn(reader, request.idColumn(), "--id");
            int email = contacts ? reader.header().indexOf(request.emailColumn()) : -1;
            int phone = contacts ? reader.header().indexOf(request.phoneColumn()) : -1;
            if (contacts && email < 0 && phone < 0) {
                throw DataException.inFile(request.pool(), "--export " + request.export().name().toLowerCase()
                        + " needs an e-mail or phone column ('" + request.emailColumn() + "', '" + request.phoneColumn() + "')");
            }
            FeatureEncoder.HeaderBinding binding = encoder.bind(reader.header());
            String[] fields;
            while ((fields = reader.next()) != null) {
                try {
                    encoder.encode(fields, binding, encoded);
                } catch (FeatureValueException e) {
                    throw DataException.at(request.pool(), reader.lineNumber(), e.getMessage());
                }
                float[] vector = new float[encoded.length];
                for (int j = 0; j < encoded.length; j++) {
                    vector[j] = (float) encoded[j];
                }
                String customer = fields[id].strip();
                ids.add(customer);
                vectors.add(vector);
                weights.add(seedWeights.getOrDefault(customer, 0.0));
                suppressedRows.add(suppressed.contains(customer));
                if (contacts) {
                    emails.add(email < 0 ? null : fields[email]);
                    phones.add(phone < 0 ? null : fields[phone]);
                }
            }
        }
        String[] featureNames = encoder.featureNames();
        int[] columnOfFeature = new int[featureNames.length];
        int feature = 0;
        for (int c = 0; c < schema.columns().size(); c++) {
            for (int k = 0; k < schema.columns().get(c).featureNames().size(); k++) {
                columnOfFeature[feature++] = c;
            }
        }
        boolean[] suppressedArray = new boolean[ids.size()];
        for (int i = 0; i < suppressedArray.length; i++) {
            suppressedArray[i] = suppressedRows.get(i);
        }
        return new Pool(ids, vectors.toArray(float[][]::new), weights.stream().mapToDouble(Double::doubleValue).toArray(),
                suppressedArray, contacts ? emails.toArray(String[]::new) : null, contacts ? phones.toArray(String[]::new) : null,
                featureNames, schema.inputColumns(), columnOfFeature);
    }

    private static FeatureSchema fitSchema(LookalikeRequest request) {
        List<String[]> rows = new ArrayList<>();
        List<String> header;
        try (CsvRecordReader reader = CsvRecordReader.open(request.pool(), request.separator())) {
            header = reader.header();
            requireColumn(reader, request.idColumn(), "--id");
            String[] fields;
            while (rows.size() < SCHEMA_SAMPLE_ROWS && (fields = reader.next()) != null) {
                rows.add(fields);
            }
        }
        if (rows.isEmpty()) {
            throw DataException.inFile(request.pool(), "the pool has no customers");
        }
        CustomerTable sample = new CustomerTable(request.pool(), "", header, rows, new long[rows.size()]);
        Map<String, String> notFeatures = new LinkedHashMap<>();
        notFeatures.put(request.idColumn(), "the customer id");
        notFeatures.put(request.emailColumn(), "contact data");
        notFeatures.put(request.phoneColumn(), "contact data");
        for (String drop : request.dropColumns()) {
            notFeatures.put(drop, "dropped (--drop)");
        }
        List<ColumnDecision> decisions = SchemaInference.infer(sample, notFeatures);
        if (decisions.stream().noneMatch(ColumnDecision::isFeature)) {
            throw DataException.inFile(request.pool(), "no usable feature columns");
        }
        return FeatureSchemaFitter.fit(sample, decisions, IntStream.range(0, rows.size()).toArray());
    }

    private static int requireColumn(CsvRecordReader reader, String column, String option) {
        int index = reader.header().indexOf(column);
        if (index < 0) {
            throw DataException.inFile(reader.file(), option + " column '" + column + "' not found; the columns are: "
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
