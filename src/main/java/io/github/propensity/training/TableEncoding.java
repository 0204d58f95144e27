// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;

/** Encodes rows of an in-memory table, turning encoding failures into errors that point at the file and line. */
public final class TableEncoding {
    private TableEncoding() {
    }

    public static double[][] encode(CustomerTable table, FeatureEncoder encoder, int[] rows) {
        FeatureEncoder.HeaderBinding binding;
        try {
            binding = encoder.bind(table.header());
        } catch (MissingFeatureColumnsException e) {
            throw DataException.inFile(table.source(), e.getMessage());
        }
        double[][] encoded = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            try {
                encoded[i] = encoder.encode(table.rows().get(rows[i]), binding);
            } catch (FeatureValueException e) {
                throw DataException.at(table.source(), table.line(rows[i]), e.getMessage());
            }
        }
        return encoded;
    }
}
