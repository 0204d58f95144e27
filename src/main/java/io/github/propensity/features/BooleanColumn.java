// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import io.github.propensity.data.MissingValues;

import java.util.List;
import java.util.Objects;

/**
 * A two-valued column (yes/no, true/false, 1/0) encoded as one 0/1 feature; a missing value takes the training
 * mode and, if training saw missing values, raises an indicator. Spellings are matched ignoring case.
 */
public record BooleanColumn(String name, String trueToken, String falseToken, double fillValue,
                            boolean missingIndicator) implements FeatureColumn {
    /**
     * How a typed boolean (a Parquet BOOLEAN column) is read, whatever spelling training saw: a model trained on a
     * yes/no CSV then scores a lake table whose column is a real boolean. No other spelling of a pair means otherwise.
     */
    private static final String DECLARED_TRUE = "true";
    private static final String DECLARED_FALSE = "false";

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
            if (stripped.equalsIgnoreCase(trueToken) || stripped.equalsIgnoreCase(DECLARED_TRUE)) {
                value = 1.0;
            } else if (stripped.equalsIgnoreCase(falseToken) || stripped.equalsIgnoreCase(DECLARED_FALSE)) {
                value = 0.0;
            } else {
                throw new FeatureValueException(name, "expected " + trueToken + " or " + falseToken);
            }
        }
        out[offset] = value;
        if (missingIndicator) {
            out[offset + 1] = missing ? 1.0 : 0.0;
        }
    }
}
