// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import java.util.Objects;

/**
 * One persona of a fitted model: a stable id (kept across refits), the name and description a marketer reads, and
 * its centroid in the persona space.
 *
 * @param nameSource whether the name was generated from the distinguishing features or chosen by the team
 */
public record Persona(int id, String name, String description, NameSource nameSource, double[] centroid) {
    /** Where a persona's name comes from; a team's names survive every refit. */
    public enum NameSource { GENERATED, TEAM }

    public Persona {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(nameSource, "nameSource");
        if (id < 1) {
            throw new IllegalArgumentException("persona ids start at 1, not " + id);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("persona " + id + " needs a name");
        }
        centroid = centroid.clone();
        for (double value : centroid) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("centroid of persona " + id + " must be finite");
            }
        }
    }

    @Override
    public double[] centroid() {
        return centroid.clone();
    }

    /** The same persona under another name (a team's choice, or a refit's regenerated one). */
    public Persona renamed(String newName, String newDescription, NameSource source) {
        return new Persona(id, newName, newDescription, source, centroid);
    }
}
