// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.Task;
import io.github.propensity.scoring.RowScore;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores' columns as Parquet holds them: the CLI's scores-file columns, typed (probability a double, score an
 * int, a missing reason null instead of an empty cell), and while the job runs {@link #ORDER}, where each row was in
 * the input, so a repeated id keeps its first row as the CLI does.
 */
final class ScoresSchema {
    static final String ORDER = "_input_order";
    static final String SEGMENT = "segment";
    static final int REASONS = RowScore.REASONS;

    private ScoresSchema() {
    }

    static String probability(Task task) {
        return task.id() + "_probability";
    }

    static String score(Task task) {
        return task.id() + "_score";
    }

    static String band(Task task) {
        return task.id() + "_band";
    }

    static String reason(Task task, int slot) {
        return task.id() + "_reason_" + (slot + 1);
    }

    static String percentile(Task task) {
        return task.id() + "_percentile";
    }

    /** The scored rows' schema before percentiles, with {@link #ORDER} last. */
    static StructType scored(String idColumn, List<String> keepColumns, List<Task> tasks) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(idColumn, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SEGMENT, DataTypes.StringType, false));
        for (String kept : keepColumns) {
            fields.add(DataTypes.createStructField(kept, DataTypes.StringType, true));
        }
        for (Task task : tasks) {
            fields.add(DataTypes.createStructField(probability(task), DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField(score(task), DataTypes.IntegerType, false));
            fields.add(DataTypes.createStructField(band(task), DataTypes.StringType, false));
            for (int slot = 0; slot < REASONS; slot++) {
                fields.add(DataTypes.createStructField(reason(task, slot), DataTypes.StringType, true));
            }
        }
        fields.add(DataTypes.createStructField(ORDER, DataTypes.LongType, false));
        return DataTypes.createStructType(fields);
    }
}
