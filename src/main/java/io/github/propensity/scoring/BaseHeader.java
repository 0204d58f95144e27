// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.util.List;

/** Where a rescoring run finds the id column and the columns it keeps in a base's header; messages list the columns. */
final class BaseHeader {
    private BaseHeader() {
    }

    /** @throws IllegalArgumentException naming the missing id column and the header's columns */
    static int idColumn(List<String> header, String idColumn) {
        int index = header.indexOf(idColumn);
        if (index < 0) {
            throw new IllegalArgumentException("id column '" + idColumn + "' not found; the columns are: " + String.join(", ", header));
        }
        return index;
    }

    /** @throws IllegalArgumentException naming the first kept column the header lacks */
    static int[] keepColumns(List<String> header, List<String> keepColumns) {
        int[] keep = new int[keepColumns.size()];
        for (int k = 0; k < keep.length; k++) {
            keep[k] = header.indexOf(keepColumns.get(k));
            if (keep[k] < 0) {
                throw new IllegalArgumentException("column '" + keepColumns.get(k) + "' to keep not found; the columns are: "
                        + String.join(", ", header));
            }
        }
        return keep;
    }
}
