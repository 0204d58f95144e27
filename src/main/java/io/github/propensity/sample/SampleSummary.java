// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

/** What a generated file holds: row count and the realized outcome rates (conversion among free-plan customers). */
public record SampleSummary(int customers, double churnRate, double purchaseRate, double conversionRate) {
    public SampleSummary {
        if (customers < 1) {
            throw new IllegalArgumentException("a sample has at least one customer");
        }
    }
}
