// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.PropensityException;

/**
 * A value that cannot be encoded as its column's kind (text in a numeric column, a third value in a yes/no column).
 * The message names the column but never the value, because values are customer data and messages reach logs.
 */
public final class FeatureValueException extends PropensityException {
    private final String column;
    private final String expectation;

    public FeatureValueException(String column, String expectation) {
        super("column '" + column + "': " + expectation);
        this.column = column;
        this.expectation = expectation;
    }

    /** What the value should have been, e.g. "expected a number". */
    public String expectation() {
        return expectation;
    }

    public String column() {
        return column;
    }
}
