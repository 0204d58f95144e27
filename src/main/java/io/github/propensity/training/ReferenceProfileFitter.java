// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.features.FeatureColumn;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.NumericColumn;
import io.github.propensity.model.ColumnBinner;
import io.github.propensity.model.ColumnProfile;
import io.github.propensity.model.ReferenceProfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Measures the training rows' distribution of every input column, for drift checks at scoring time. */
final class ReferenceProfileFitter {
    private ReferenceProfileFitter() {
    }

    /**
     * @param encodedRows the training rows as encoded by the schema's encoder
     * @param rows        the same rows' indices in the table, for the raw numbers the decile edges come from
     */
    static ReferenceProfile fit(CustomerTable table, FeatureSchema schema, int[] rows, double[][] encodedRows) {
        FeatureEncoder encoder = schema.encoder();
        List<ColumnProfile> profiles = new ArrayList<>();
        List<FeatureColumn> columns = schema.columns();
        for (int c = 0; c < columns.size(); c++) {
            FeatureColumn column = columns.get(c);
            double[] edges = new double[0];
            if (column instanceof NumericColumn numeric) {
                int index = table.columnIndex(column.name());
                double[] values = new double[rows.length];
                int present = 0;
                for (int row : rows) {
                    Double value = numeric.readValue(table.value(row, index));
                    if (value != null) {
                        values[present++] = value;
                    }
                }
                double[] observed = Arrays.copyOf(values, present);
                Arrays.sort(observed);
                edges = ColumnBinner.decileEdges(observed);
            }
            ColumnBinner binner = new ColumnBinner(column, edges);
            long[] counts = new long[binner.bins()];
            for (double[] encoded : encodedRows) {
                counts[binner.bin(encoded, encoder.offset(c))]++;
            }
            double[] shares = new double[counts.length];
            for (int b = 0; b < counts.length; b++) {
                shares[b] = (double) counts[b] / encodedRows.length;
            }
            profiles.add(new ColumnProfile(column.name(), edges, shares));
        }
        return new ReferenceProfile(profiles);
    }
}
