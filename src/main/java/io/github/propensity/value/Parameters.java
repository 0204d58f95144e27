// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

/** Checks shared by the model records' constructors. */
final class Parameters {
    private Parameters() {
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }
}
