// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import io.github.propensity.model.Task;

/**
 * What a column of a snapshot's scores file holds. The layout is fixed (id, segment, kept input columns, then per
 * task probability, score, band, reasons and percentile), so the text columns are known by name; everything else,
 * kept input columns included, holds numbers, with an empty cell where there is none.
 */
public enum ScoreColumnKind {
    TEXT, NUMERIC;

    public static ScoreColumnKind of(String column) {
        if (column.equals("customer_id") || column.equals("segment")) {
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
