// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import io.github.propensity.evaluation.BinaryEvaluator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one numeric column alone achieves at ranking a labelled file: the bar a model has to clear to be worth
 * having (a churn model that ranks no better than "days since the last order" adds nothing).
 *
 * <p>The direction (higher or lower values first) is chosen on the evaluated file itself, in the baseline's favour,
 * so the comparison can only flatter the baseline. Missing values rank with the lowest values.
 *
 * @param auc        AUC of the column in its better direction
 * @param higherFirst whether larger values mean the outcome is more likely
 */
public record SingleFeatureBaseline(String column, double auc, boolean higherFirst) {
    public static Map<String, SingleFeatureBaseline> evaluate(Path dataFile, LabelSpec label, Character separator, List<String> columns) {
        CustomerTable table = CustomerTable.read(dataFile, separator);
        LabelledRows labelled = LabelledRows.extract(table, label, false);
        Map<String, SingleFeatureBaseline> baselines = new LinkedHashMap<>();
        for (String column : columns) {
            int index = table.columnIndex(column);
            if (index < 0) {
                throw DataException.inFile(table.source(), "baseline column '" + column + "' not found; the columns are: "
                        + String.join(", ", table.header()));
            }
            double[] scores = new double[labelled.rows().length];
            for (int i = 0; i < scores.length; i++) {
                int row = labelled.rows()[i];
                String raw = table.value(row, index);
                Double value = MissingValues.isMissing(raw) ? null : NumericValues.parse(raw.strip());
                if (value == null && !MissingValues.isMissing(raw)) {
                    throw DataException.atColumn(table.source(), table.line(row), column, "'" + raw.strip()
                            + "' is not a number; a baseline needs a numeric column");
                }
                scores[i] = value == null ? Double.NEGATIVE_INFINITY : value;
            }
            double auc = BinaryEvaluator.auc(scores, labelled.outcomes());
            baselines.put(column, auc >= 0.5 ? new SingleFeatureBaseline(column, auc, true)
                    : new SingleFeatureBaseline(column, 1 - auc, false));
        }
        return baselines;
    }
}
