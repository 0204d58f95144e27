// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One input column and how it becomes model features. The fitted parameters (medians, means, levels) live in the
 * record and are saved in the model bundle, so training and every scoring path encode a customer identically.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NumericColumn.class, name = "numeric"),
        @JsonSubTypes.Type(value = BooleanColumn.class, name = "boolean"),
        @JsonSubTypes.Type(value = CategoricalColumn.class, name = "categorical")})
public sealed interface FeatureColumn permits NumericColumn, BooleanColumn, CategoricalColumn {
    /** Suffix of the feature that flags a missing value. */
    String MISSING_SUFFIX = "@missing";

    String name();

    /** The encoded feature names, in encoding order. */
    List<String> featureNames();

    /** The names of a single-valued column's features: the value, then its missing flag if it has one. */
    static List<String> valueAndMissingFlag(String name, boolean missingIndicator) {
        return missingIndicator ? List.of(name, name + MISSING_SUFFIX) : List.of(name);
    }

    /** An encoder for this column with any lookup tables built once, for the hot scoring loop. */
    CellEncoder compile();
}
