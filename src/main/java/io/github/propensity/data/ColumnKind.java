// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.Locale;

/** What a column holds, as inferred from its values. */
public enum ColumnKind {
    NUMERIC, BOOLEAN, CATEGORICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
