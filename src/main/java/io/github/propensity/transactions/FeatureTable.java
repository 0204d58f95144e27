// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.List;
import java.util.Objects;

/**
 * The rows of every cut-off, stacked in as-of order, with the layout that names their values and, when they have value
 * columns, the value model of each cut-off.
 */
public record FeatureTable(FeatureSettings settings, FeatureLayout layout, List<CustomerRow> rows,
                           List<CutoffSummary> cutoffs, List<ValueAtCutoff> valueModels, List<String> warnings) {
    public FeatureTable {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(layout, "layout");
        rows = List.copyOf(rows);
        cutoffs = List.copyOf(cutoffs);
        valueModels = List.copyOf(valueModels);
        warnings = List.copyOf(warnings);
    }
}
