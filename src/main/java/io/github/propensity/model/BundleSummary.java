// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.time.Instant;

/** One line of {@code models list}. {@code problem} is set when the bundle cannot be read. */
public record BundleSummary(String task, String version, boolean current, Instant createdAt, String family,
                            double auc, String dataFile, String problem) {
}
