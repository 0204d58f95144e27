// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.List;

/** The training distribution of every input column ({@code profile.json}): what feature drift is measured against. */
public record ReferenceProfile(List<ColumnProfile> columns) {
    public ReferenceProfile {
        columns = List.copyOf(columns);
    }
}
