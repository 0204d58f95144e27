// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.data.ColumnDecision;
import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.MissingValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a {@link FeatureSchema} on training rows only: medians, means, standard deviations and category levels come
 * from the rows the model learns from, never from validation or test rows.
 */
public final class FeatureSchemaFitter {
    /** A category seen fewer times than this goes to "(other)": too rare to learn a weight for. */
    static final int MIN_LEVEL_COUNT = 5;
    /** At most this many levels per column, most frequent first; the rest share "(other)". */
    static final int MAX_LEVELS = 100;

    private FeatureSchemaFitter() {
    }

    public static FeatureSchema fit(CustomerTable table, List<ColumnDecision> decisions, int[] trainingRows) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (ColumnDecision decision : decisions) {
            if (!decision.isFeature()) {
                continue;
            }
            int column = table.columnIndex(decision.name());
            columns.add(switch (decision.kind()) {
                case NUMERIC -> fitNumeric(table, column, decision, trainingRows);
                case BOOLEAN -> fitBoolean(table, column, decision, trainingRows);
                case CATEGORICAL -> fitCategorical(table, column, decision, trainingRows);
            });
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no usable feature columns");
        }
        return new FeatureSchema(columns);
    }

    private static NumericColumn fitNumeric(CustomerTable table, int column, ColumnDecision decision, int[] rows) {
        NumericColumn reader = new NumericColumn(decision.name(), 0, 0, 1, false, decision.missingTokens());
        double[] values = new double[rows.length];
        int present = 0;
        for (int row : rows) {
            Double value = reader.readValue(table.value(row, column));
            if (value != null) {
                values[present++] = value;
            }
        }
        if (present == 0) {
            // Every training value missing: the column still carries its missingness, centred at zero.
            return new NumericColumn(decision.name(), 0, 0, 1, true, decision.missingTokens());
        }
        double[] observed = Arrays.copyOf(values, present);
        Arrays.sort(observed);
        double median = present % 2 == 1 ? observed[present / 2] : (observed[present / 2 - 1] + observed[present / 2]) / 2;
        double sum = 0;
        for (double value : observed) {
            sum += value;
        }
        double mean = sum / present;
        double squares = 0;
        for (double value : observed) {
            squares += (value - mean) * (value - mean);
        }
        double standardDeviation = Math.sqrt(squares / present);
        if (!(standardDeviation > 1e-12)) {
            standardDeviation = 1.0;
        }
        return new NumericColumn(decision.name(), median, mean, standardDeviation, present < rows.length,
                decision.missingTokens());
    }

    private static BooleanColumn fitBoolean(CustomerTable table, int column, ColumnDecision decision, int[] rows) {
        int trues = 0;
        int present = 0;
        for (int row : rows) {
            String raw = table.value(row, column);
            if (!MissingValues.isMissing(raw)) {
                present++;
                if (raw.strip().toLowerCase(Locale.ROOT).equals(decision.trueToken())) {
                    trues++;
                }
            }
        }
        double mode = trues * 2 > present ? 1.0 : 0.0;
        return new BooleanColumn(decision.name(), decision.trueToken(), decision.falseToken(), mode, present < rows.length);
    }

    private static CategoricalColumn fitCategorical(CustomerTable table, int column, ColumnDecision decision, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int row : rows) {
            String raw = table.value(row, column);
            String level = MissingValues.isMissing(raw) ? CategoricalColumn.MISSING_LEVEL : raw.strip();
            counts.merge(level, 1, Integer::sum);
        }
        counts.remove(CategoricalColumn.OTHER_LEVEL);
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() >= MIN_LEVEL_COUNT) {
                frequent.add(entry);
            }
        }
        // Most frequent first, then by name, so the same data always gives the same feature order.
        frequent.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_LEVELS, frequent.size()); i++) {
            levels.add(frequent.get(i).getKey());
        }
        return new CategoricalColumn(decision.name(), levels);
    }
}
