// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import java.io.Serializable;

/**
 * A row an executor could not score: where (the input partition and the row's place in it, since a Parquet base has
 * no lines) and why, never what it holds.
 *
 * @param column the offending column, or null when the whole row is malformed
 */
record BadRowExample(int partition, long row, String column, String reason) implements Serializable {
}
