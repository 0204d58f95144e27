// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.List;
import java.util.Objects;

/** The rows of every cut-off, stacked in as-of order, with the layout that names their values. */
public record FeatureTable(FeatureSettings settings, FeatureLayout layout, List<CustomerRow> rows,
                           List<CutoffSummary> cutoffs, List<String> warnings) {
    public FeatureTable {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(layout, "layout");
        rows = List.copyOf(rows);
        cutoffs = List.copyOf(cutoffs);
        warnings = List.copyOf(warnings);
    }
}
