// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import io.github.propensity.data.CustomerTable;

import java.util.HashMap;
import java.util.Map;

/**
 * Which labelled rows belong to the same customer, so that splits keep a customer's rows together. Only matters
 * when ids repeat (rows of several cut-offs stacked, or a customer exported twice); a table with one row per
 * customer gets no groups and is split exactly as without this.
 */
final class CustomerGroups {
    private CustomerGroups() {
    }

    /** A group index per labelled row, or null when there is no id column or no id repeats. */
    static int[] of(CustomerTable table, String idColumn, int[] labelledRows) {
        if (idColumn == null) {
            return null;
        }
        int column = table.columnIndex(idColumn);
        if (column < 0) {
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        int[] groups = new int[labelledRows.length];
        for (int i = 0; i < labelledRows.length; i++) {
            String id = table.value(labelledRows[i], column).strip();
            Integer group = index.get(id);
            if (group == null) {
                group = index.size();
                index.put(id, group);
            }
            groups[i] = group;
        }
        return index.size() == labelledRows.length ? null : groups;
    }
}
