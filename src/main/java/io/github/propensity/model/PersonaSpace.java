// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import io.github.propensity.features.FeatureEncoder;
import io.github.propensity.features.FeatureSchema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where customers are compared: the shared feature schema (fitted on the kept columns only, so assignment reads
 * nothing else) and the clustering transforms of each encoded feature. Missing-value flags of the encoder are not
 * dimensions: a persona describes behaviour, and "unknown" already sits at the column's median.
 */
public record PersonaSpace(FeatureSchema schema, List<SpaceDimension> dimensions) {
    public PersonaSpace {
        Objects.requireNonNull(schema, "schema");
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a persona space needs at least one dimension");
        }
        int width = schema.featureNames().size();
        for (SpaceDimension dimension : dimensions) {
            if (dimension.encodedIndex() >= width) {
                throw new IllegalArgumentException(dimension.feature() + " points past the encoder's " + width + " features");
            }
        }
    }

    public int width() {
        return dimensions.size();
    }

    /** The input columns the space reads, in schema order. */
    public List<String> columns() {
        return new ArrayList<>(new LinkedHashSet<>(dimensions.stream().map(SpaceDimension::column).toList()));
    }

    /** Fills {@code out} (width {@link #width()}) from one row's encoder output. */
    public void project(double[] encoded, double[] out) {
        for (int d = 0; d < out.length; d++) {
            SpaceDimension dimension = dimensions.get(d);
            out[d] = dimension.coordinate(encoded[dimension.encodedIndex()]);
        }
    }

    public FeatureEncoder encoder() {
        return schema.encoder();
    }
}
