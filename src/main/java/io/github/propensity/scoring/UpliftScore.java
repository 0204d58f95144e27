// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.UpliftGroup;

/**
 * One row's uplift for one campaign, written by {@link PreparedUplift#score} into arrays the caller owns and reuses
 * row after row. Mutable and confined to one thread; read it before the next row overwrites it.
 */
public final class UpliftScore {
    final double[] encoded;
    final double[] scratch;
    double uplift;
    double controlResponse;
    UpliftGroup group;

    UpliftScore(int features, double[] scratch) {
        this.encoded = new double[features];
        this.scratch = scratch;
    }

    /** Predicted response if contacted minus if not: -1 to 1, a difference of probabilities. */
    public double uplift() {
        return uplift;
    }

    /** Predicted response without contact, 0-1. */
    public double controlResponse() {
        return controlResponse;
    }

    public UpliftGroup group() {
        return group;
    }
}
