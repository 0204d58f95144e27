// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fitted persona model, as stored in {@code personas.json}: the space customers are compared in and the
 * personas' centroids; a customer belongs to the persona with the nearest centroid. Immutable.
 *
 * @param seed the random seed the fit used, for reproducing it
 */
public record PersonaModel(PersonaSpace space, List<Persona> personas, long seed) {
    public PersonaModel {
        Objects.requireNonNull(space, "space");
        personas = List.copyOf(personas);
        if (personas.size() < 2) {
            throw new IllegalArgumentException("a persona model needs at least two personas");
        }
        Set<Integer> ids = new HashSet<>();
        for (Persona persona : personas) {
            if (!ids.add(persona.id())) {
                throw new IllegalArgumentException("duplicate persona id " + persona.id());
            }
            if (persona.centroid().length != space.width()) {
                throw new IllegalArgumentException("centroid of persona " + persona.id() + " has " + persona.centroid().length
                        + " coordinates; the space has " + space.width());
            }
        }
    }

    /** Centroids in persona order, copied once for an assignment loop. */
    @JsonIgnore
    public double[][] centroids() {
        double[][] centroids = new double[personas.size()][];
        for (int p = 0; p < centroids.length; p++) {
            centroids[p] = personas.get(p).centroid();
        }
        return centroids;
    }

    /** Position in {@link #personas()} of the persona with the given id, or -1. */
    public int indexOf(int id) {
        for (int p = 0; p < personas.size(); p++) {
            if (personas.get(p).id() == id) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Position of the centroid nearest {@code point} by squared Euclidean distance (the first on a tie), the one
     * assignment rule of fitting, {@code personas assign} and rescoring. A centroid's sum stops once it exceeds the
     * best so far, which changes no answer and skips most of the work for far centroids.
     */
    public static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double[] centroid = centroids[c];
            double distance = 0;
            for (int d = 0; d < centroid.length && distance < bestDistance; d++) {
                double difference = point[d] - centroid[d];
                distance += difference * difference;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
