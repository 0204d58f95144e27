// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

/**
 * One row's persona, written by {@link PreparedPersona#assign} into arrays the caller owns and reuses row after
 * row. Mutable and confined to one thread; read it before the next row overwrites it.
 */
public final class PersonaAssignment {
    final double[] encoded;
    final double[] point;
    int slot;
    private final PreparedPersona prepared;

    PersonaAssignment(PreparedPersona prepared, int features, int dimensions) {
        this.prepared = prepared;
        this.encoded = new double[features];
        this.point = new double[dimensions];
    }

    /** The persona's position in the model's persona list (0-based; the order of the centroids). */
    public int slot() {
        return slot;
    }

    /** The persona's id, stable across refits. */
    public int id() {
        return prepared.model().personas().get(slot).id();
    }

    public String name() {
        return prepared.model().personas().get(slot).name();
    }
}
