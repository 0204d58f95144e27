// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

/** Encodes one raw cell of one column into its features. */
@FunctionalInterface
public interface CellEncoder {
    /**
     * Writes the cell's features into {@code out} from {@code offset} on.
     *
     * @throws FeatureValueException if the cell cannot be read as the column's kind
     */
    void encode(String raw, double[] out, int offset);
}
