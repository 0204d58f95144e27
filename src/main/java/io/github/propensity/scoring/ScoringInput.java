// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The customer base a rescoring run reads.
 *
 * @param separator   the delimiter, or null to detect it from the header line
 * @param idColumn    the customer id column; the scores file names its id column the same
 * @param keepColumns input columns copied into the scores file after the segment (e.g. rfm_segment, region)
 */
public record ScoringInput(Path data, Character separator, String idColumn, List<String> keepColumns) {
    public ScoringInput {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(idColumn, "idColumn");
        keepColumns = List.copyOf(keepColumns);
        if (keepColumns.contains(idColumn)) {
            throw new IllegalArgumentException("the id column '" + idColumn + "' is always in the scores file; do not keep it again");
        }
    }

    /** A comma-, semicolon- or tab-separated file (detected), keeping no extra columns. */
    public static ScoringInput of(Path data, String idColumn) {
        return new ScoringInput(data, null, idColumn, List.of());
    }
}
