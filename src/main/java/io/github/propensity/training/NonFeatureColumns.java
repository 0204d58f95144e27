// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a model must never learn from, each with the reason the schema report gives: the label, the customer
 * id and the dropped columns. A named id or dropped column the file lacks is refused, naming the option and the
 * file's columns, rather than silently ignored.
 */
public final class NonFeatureColumns {
    private NonFeatureColumns() {
    }

    /** A map callers may add their own exclusions to (in order: they are reported in it). */
    public static Map<String, String> of(CustomerTable table, LabelSpec label, String idColumn, List<String> dropColumns) {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(label.column(), "the label");
        if (idColumn != null) {
            requireColumn(table, idColumn, "--id");
            reasons.put(idColumn, "the customer id");
        }
        for (String drop : dropColumns) {
            requireColumn(table, drop, "--drop");
            reasons.put(drop, "dropped (--drop)");
        }
        return reasons;
    }

    public static void requireColumn(CustomerTable table, String column, String option) {
        if (table.columnIndex(column) < 0) {
            throw DataException.inFile(table.source(), option + " column '" + column + "' not found; the columns are: "
                    + String.join(", ", table.header()));
        }
    }
}
