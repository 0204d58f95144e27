// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.model.Task;

import java.util.ArrayList;
import java.util.List;


/**
 * What a column of a snapshot's scores file holds. The id comes first (it keeps the input's name, so it is known by
 * its place); the segment, bands, the value band, reasons and uplift groups are text by name, wherever they are (the
 * Spark job's segment partition column comes last); everything else, kept input columns included, holds numbers,
 * with an empty cell where there is none.
 */
public enum ScoreColumnKind {
    TEXT, NUMERIC;

    static final String SEGMENT = "segment";
    /** The value band column rescoring writes when the base carries a CLV. */
    static final String VALUE_BAND = "value_band";
    /** What rescoring's {@code <campaign>_group} columns end with. */
    static final String UPLIFT_GROUP_SUFFIX = "_group";

    /** The kind of each column of a scores file with this header. */
    public static List<ScoreColumnKind> of(List<String> header) {
        List<ScoreColumnKind> kinds = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            kinds.add(c == 0 ? TEXT : byName(header.get(c)));
        }
        return kinds;
    }

    private static ScoreColumnKind byName(String column) {
        if (column.equals(SEGMENT) || column.equals(VALUE_BAND) || column.endsWith(UPLIFT_GROUP_SUFFIX)) {
            return TEXT;
        }
        for (Task task : Task.values()) {
            String prefix = task.id() + "_";
            if (column.equals(prefix + "band") || column.matches(prefix + "reason_\\d+")) {
                return TEXT;
            }
        }
        return NUMERIC;
    }
}
