// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

/**
 * A point of the profit curve: contacting the {@code customers} best-ranked customers is expected to bring
 * {@code expectedSavedValue} (the sum of probability x save rate x CLV) for {@code cost} (customers x offer cost),
 * {@code expectedNetValue} the difference.
 */
public record CurvePoint(long customers, double expectedNetValue, double expectedSavedValue, double cost) {
}
