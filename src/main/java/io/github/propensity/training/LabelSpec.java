// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.util.Objects;

/**
 * Which column holds the outcome and which of its values is the positive one (e.g. column {@code churned}, value
 * {@code yes}). Values are compared after trimming, ignoring case, because exports disagree on "Yes" and "yes".
 */
public record LabelSpec(String column, String positiveValue) {
    public LabelSpec {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(positiveValue, "positiveValue");
        if (column.isBlank()) {
            throw new IllegalArgumentException("the label column name is empty");
        }
        if (positiveValue.isBlank()) {
            throw new IllegalArgumentException("the positive label value is empty");
        }
        positiveValue = positiveValue.strip();
    }

    public boolean isPositive(String raw) {
        return raw.strip().equalsIgnoreCase(positiveValue);
    }

    public String describe() {
        return column + " = " + positiveValue;
    }
}
