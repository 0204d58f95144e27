// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of a table that carry a label, with their outcomes. Rows whose label is missing are not errors (a
 * conversion label is empty for customers who were never on a free plan) but are counted and reported.
 *
 * @param rows     indices into the table of the labelled rows
 * @param outcomes true where the label equals the positive value
 */
public record LabelledRows(int[] rows, boolean[] outcomes, int unlabelled, List<String> otherValues) {
    /** Below this many rows, a holdout and five-fold calibration leave too little to learn from. */
    public static final int MIN_ROWS = 100;
    /** Each class needs this many rows for validation and calibration folds to see both outcomes. */
    public static final int MIN_PER_CLASS = 20;

    public LabelledRows {
        if (rows.length != outcomes.length) {
            throw new IllegalArgumentException("one outcome per row is required");
        }
        otherValues = List.copyOf(otherValues);
    }

    public int positives() {
        return EncodedData.countTrue(outcomes);
    }

    /**
     * Extracts and checks the labels, with errors that say what to fix.
     *
     * @param forTraining also require enough rows of each outcome to train on (evaluation needs only both outcomes)
     */
    public static LabelledRows extract(CustomerTable table, LabelSpec label, boolean forTraining) {
        int column = table.columnIndex(label.column());
        if (column < 0) {
            throw DataException.inFile(table.source(), "label column '" + label.column() + "' not found; the columns are: "
                    + String.join(", ", table.header()));
        }
        List<Integer> rows = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        Map<String, Integer> valueCounts = new LinkedHashMap<>();
        int unlabelled = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            String raw = table.value(row, column);
            if (MissingValues.isMissing(raw)) {
                unlabelled++;
                continue;
            }
            rows.add(row);
            outcomes.add(label.isPositive(raw));
            valueCounts.merge(raw.strip(), 1, Integer::sum);
        }
        int positives = (int) outcomes.stream().filter(Boolean::booleanValue).count();
        int negatives = rows.size() - positives;
        String seen = valueCounts.entrySet().stream().limit(10)
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")").collect(Collectors.joining(", "));
        if (rows.isEmpty()) {
            throw DataException.inFile(table.source(), "label column '" + label.column() + "' has no values");
        }
        if (positives == 0) {
            throw DataException.inFile(table.source(), "the positive value '" + label.positiveValue() + "' never appears in label column '"
                    + label.column() + "'; values seen: " + seen);
        }
        if (negatives == 0) {
            throw DataException.inFile(table.source(), "only one class in label column '" + label.column() + "': every labelled row is '"
                    + label.positiveValue() + "'; a model needs both outcomes");
        }
        if (forTraining && (rows.size() < MIN_ROWS || Math.min(positives, negatives) < MIN_PER_CLASS)) {
            throw DataException.inFile(table.source(), "too few rows to train: need at least " + MIN_ROWS + " labelled rows with at least "
                    + MIN_PER_CLASS + " of each outcome; got " + rows.size() + " rows, " + positives + " positive and "
                    + negatives + " negative");
        }
        List<String> others = valueCounts.keySet().stream().filter(v -> !label.isPositive(v)).toList();
        int[] rowArray = rows.stream().mapToInt(Integer::intValue).toArray();
        boolean[] outcomeArray = new boolean[outcomes.size()];
        for (int i = 0; i < outcomeArray.length; i++) {
            outcomeArray[i] = outcomes.get(i);
        }
        return new LabelledRows(rowArray, outcomeArray, unlabelled, others);
    }
}
