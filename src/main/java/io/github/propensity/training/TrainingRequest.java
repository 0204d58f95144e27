// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.model.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a training run needs, validated once.
 *
 * @param idColumn         customer id column, never a feature (may be null)
 * @param separator        CSV delimiter, null to detect it
 * @param holdoutFraction  share of labelled rows kept aside as the test set the card reports; 0 when the user
 *                         evaluates on a separate file (the card then reports cross-validated numbers only)
 * @param threads          threads XGBoost may use
 * @param origin           how the rows were derived (a feature file's metadata), null for an exported table
 */
public record TrainingRequest(Task task, Path dataFile, LabelSpec label, String idColumn, List<String> dropColumns,
                              Character separator, long seed, double holdoutFraction, int threads, RowOrigin origin) {
    public TrainingRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(label, "label");
        dropColumns = List.copyOf(dropColumns);
        if (!(holdoutFraction >= 0 && holdoutFraction <= 0.5)) {
            throw new IllegalArgumentException("the holdout fraction must be between 0 and 0.5, got " + holdoutFraction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (idColumn != null && idColumn.equals(label.column())) {
            throw new IllegalArgumentException("the id column and the label column are the same: " + idColumn);
        }
    }

    public TrainingRequest(Task task, Path dataFile, LabelSpec label, String idColumn, List<String> dropColumns,
                           Character separator, long seed, double holdoutFraction, int threads) {
        this(task, dataFile, label, idColumn, dropColumns, separator, seed, holdoutFraction, threads, null);
    }
}
