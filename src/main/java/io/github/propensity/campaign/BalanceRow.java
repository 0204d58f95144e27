// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.campaign;

/**
 * One feature column compared between one arm and the control.
 *
 * @param kind       {@code numeric}, {@code categorical}, or {@code skipped} (no values, or too many distinct text
 *                   values to compare level by level; {@code note} says which)
 * @param smd        the standardized mean difference, arm minus control; for a categorical column the level whose
 *                   share differs most; null when skipped or when both groups are constant at different values
 * @param worstLevel the categorical level {@code smd} belongs to, else null
 * @param flagged    |smd| above {@link CovariateBalance#FLAG_ABOVE} (or an infinite difference)
 */
public record BalanceRow(String column, String kind, String arm, Double smd, String worstLevel, boolean flagged, String note) {
}
