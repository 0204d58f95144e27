// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.model.Task;
import io.github.propensity.scoring.BaseScoring;
import io.github.propensity.scoring.RowScore;
import io.github.propensity.value.ValueColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores' columns as Parquet holds them: the CLI's scores-file columns in its order, typed as the CLI's own
 * Parquet scores file types them (probabilities, CLV, p_alive and uplift doubles, score and persona id ints, a
 * missing reason, CLV or value band null instead of an empty cell), and while the job runs {@link #ORDER}, where each
 * row was in the input, so a repeated id keeps its first row as the CLI does.
 */
final class ScoresSchema {
    static final String ORDER = "_input_order";
    static final String SEGMENT = "segment";
    static final String CLV = "clv";
    static final String P_ALIVE = ValueColumns.P_ALIVE_NAME;
    static final String VALUE_BAND = "value_band";
    static final String PERSONA = "persona";
    static final String PERSONA_NAME = "persona_name";
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

    static String uplift(String campaign) {
        return campaign + "_uplift";
    }

    static String group(String campaign) {
        return campaign + "_group";
    }

    /** The scored rows' schema before percentiles, with {@link #ORDER} last: {@link BaseScoring#scoredColumns()}, typed. */
    static StructType scored(String idColumn, List<String> keepColumns, BaseScoring scoring) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(idColumn, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SEGMENT, DataTypes.StringType, false));
        for (String kept : keepColumns) {
            fields.add(DataTypes.createStructField(kept, DataTypes.StringType, true));
        }
        for (String value : scoring.valueColumns()) {
            fields.add(DataTypes.createStructField(value, value.equals(VALUE_BAND) ? DataTypes.StringType : DataTypes.DoubleType, true));
        }
        for (Task task : scoring.tasks()) {
            fields.add(DataTypes.createStructField(probability(task), DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField(score(task), DataTypes.IntegerType, false));
            fields.add(DataTypes.createStructField(band(task), DataTypes.StringType, false));
            for (int slot = 0; slot < REASONS; slot++) {
                fields.add(DataTypes.createStructField(reason(task, slot), DataTypes.StringType, true));
            }
        }
        for (String campaign : scoring.campaignNames()) {
            fields.add(DataTypes.createStructField(uplift(campaign), DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField(group(campaign), DataTypes.StringType, false));
        }
        if (scoring.assignsPersonas()) {
            fields.add(DataTypes.createStructField(PERSONA, DataTypes.IntegerType, false));
            fields.add(DataTypes.createStructField(PERSONA_NAME, DataTypes.StringType, false));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<String> names = List.of(schema.fieldNames());
        if (!names.equals(scoring.scoredColumns())) {
            throw new IllegalStateException("the job's scores columns " + names + " are not the CLI's " + scoring.scoredColumns());
        }
        return schema.add(DataTypes.createStructField(ORDER, DataTypes.LongType, false));
    }
}
