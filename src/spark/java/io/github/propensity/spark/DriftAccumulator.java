// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.spark;

import io.github.propensity.scoring.DriftCounts;
import org.apache.spark.util.AccumulatorV2;

/** Adds up the drift counts of every partition (the CLI adds up its batches' the same way). */
final class DriftAccumulator extends AccumulatorV2<DriftCounts, DriftCounts> {
    private final DriftCounts counts;

    /** @param empty counts with the run's bins, nothing counted */
    DriftAccumulator(DriftCounts empty) {
        this.counts = empty.emptyCopy();
    }

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public AccumulatorV2<DriftCounts, DriftCounts> copy() {
        DriftAccumulator copy = new DriftAccumulator(counts);
        copy.counts.add(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts.clear();
    }

    @Override
    public void add(DriftCounts partition) {
        counts.add(partition);
    }

    @Override
    public void merge(AccumulatorV2<DriftCounts, DriftCounts> other) {
        counts.add(other.value());
    }

    @Override
    public DriftCounts value() {
        return counts;
    }
}
