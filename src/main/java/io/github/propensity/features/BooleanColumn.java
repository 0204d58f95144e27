// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.data.BooleanSpellings;
import io.github.propensity.data.MissingValues;

import java.util.List;
import java.util.Objects;

/**
 * A two-valued column (yes/no, true/false, 1/0) encoded as one 0/1 feature; a missing value takes the training
 * mode and, if training saw missing values, raises an indicator. Spellings are matched ignoring case.
 */
public record BooleanColumn(String name, String trueToken, String falseToken, double fillValue,
                            boolean missingIndicator) implements FeatureColumn {
    public BooleanColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trueToken, "trueToken");
        Objects.requireNonNull(falseToken, "falseToken");
        if (fillValue != 0.0 && fillValue != 1.0) {
            throw new IllegalArgumentException("fill value of '" + name + "' must be 0 or 1");
        }
    }

    @Override
    public List<String> featureNames() {
        return FeatureColumn.valueAndMissingFlag(name, missingIndicator);
    }

    @Override
    public CellEncoder compile() {
        return this::encode;
    }

    /** Writes this column's features for one raw cell at {@code offset}. */
    public void encode(String raw, double[] out, int offset) {
        boolean missing = MissingValues.isMissing(raw);
        double value;
        if (missing) {
            value = fillValue;
        } else {
            String stripped = raw.strip();
            if (stripped.equalsIgnoreCase(trueToken)) {
                value = 1.0;
            } else if (stripped.equalsIgnoreCase(falseToken)) {
                value = 0.0;
            } else {
                value = otherSpelling(stripped);
            }
        }
        out[offset] = value;
        if (missingIndicator) {
            out[offset + 1] = missing ? 1.0 : 0.0;
        }
    }

    /**
     * A flag spelled as another known pair (true/false where training saw yes/no): a model trained on a CSV scores a
     * Parquet table whose column is a real boolean, and the other way round. Only cells that were errors before read
     * differently, and no known spelling means the opposite in another pair.
     */
    private double otherSpelling(String stripped) {
        Boolean value = BooleanSpellings.valueOf(stripped);
        if (value == null) {
            throw new FeatureValueException(name, "expected " + trueToken + " or " + falseToken);
        }
        return value ? 1.0 : 0.0;
    }
}
