// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.PropensityException;

import java.util.List;

/** Input lacks columns the model was trained on; reported before any row is scored. */
public final class MissingFeatureColumnsException extends PropensityException {
    private final List<String> columns;

    public MissingFeatureColumnsException(List<String> columns) {
        super("missing feature column" + (columns.size() == 1 ? " " : "s ") + String.join(", ", columns)
                + " that the model was trained on");
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }
}
