// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How the training rows were made, when they were derived rather than exported: recorded in the model card so
 * that a reader knows the cut-offs and what the label means in the business's terms.
 *
 * @param description     e.g. "built by propensity features from transaction log orders.csv (sha256 ...)"
 * @param cutoffs         as-of dates whose rows were stacked
 * @param labelDefinition the label in words, as the file's metadata states it
 */
public record RowOrigin(String description, List<LocalDate> cutoffs, String labelDefinition) {
    public RowOrigin {
        Objects.requireNonNull(description, "description");
        cutoffs = List.copyOf(cutoffs);
    }
}
