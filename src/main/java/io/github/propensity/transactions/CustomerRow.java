// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer at one cut-off: the numeric features in {@link FeatureLayout} order (NaN = not defined, written
 * empty), the RFM segment and the horizon labels (null = not computed, or not in the label's population).
 */
public record CustomerRow(String customerId, LocalDate asOf, double[] values, RfmSegment segment, Boolean purchased,
                          Boolean churned) {
    public CustomerRow {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(segment, "segment");
    }
}
