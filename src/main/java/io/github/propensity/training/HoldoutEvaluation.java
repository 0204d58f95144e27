// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.evaluation.BinaryEvaluator;
import io.github.propensity.evaluation.EvaluationReport;
import io.github.propensity.model.ModelBundle;

import java.nio.file.Path;

/** Scores a labelled file with a saved model and measures it: the {@code evaluate} command's service. */
public final class HoldoutEvaluation {
    private HoldoutEvaluation() {
    }

    public static EvaluationReport evaluate(ModelBundle bundle, Path dataFile, LabelSpec label, Character separator) {
        CustomerTable table = CustomerTable.read(dataFile, separator);
        LabelledRows labelled = LabelledRows.extract(table, label, false);
        double[][] features = TableEncoding.encode(table, bundle.model().encoder(), labelled.rows());
        return BinaryEvaluator.evaluate(bundle.model().probabilities(features), labelled.outcomes());
    }
}
