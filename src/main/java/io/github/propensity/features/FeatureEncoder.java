// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw cells into the dense feature vector a model takes. Immutable and thread-safe; build it once per model.
 * Inputs are bound to a header once ({@link #bind}) so that per-row encoding is array indexing only.
 */
public final class FeatureEncoder {
    private final FeatureSchema schema;
    private final CellEncoder[] cellEncoders;
    private final int[] offsets;
    private final String[] featureNames;

    FeatureEncoder(FeatureSchema schema) {
        this.schema = schema;
        List<FeatureColumn> columns = schema.columns();
        this.cellEncoders = new CellEncoder[columns.size()];
        this.offsets = new int[columns.size()];
        int offset = 0;
        for (int i = 0; i < columns.size(); i++) {
            cellEncoders[i] = columns.get(i).compile();
            offsets[i] = offset;
            offset += columns.get(i).featureNames().size();
        }
        this.featureNames = schema.featureNames().toArray(String[]::new);
    }

    public FeatureSchema schema() {
        return schema;
    }

    public int width() {
        return featureNames.length;
    }

    /** Position of the first feature of the schema's {@code column}-th input column. */
    public int offset(int column) {
        return offsets[column];
    }

    /** Feature names in vector order (a copy). */
    public String[] featureNames() {
        return featureNames.clone();
    }

    /**
     * Maps a header onto the schema's input columns.
     *
     * @throws MissingFeatureColumnsException naming every input column the header lacks
     */
    public HeaderBinding bind(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i), i);
        }
        List<String> inputs = schema.inputColumns();
        int[] indices = new int[inputs.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer position = positions.get(inputs.get(i));
            if (position == null) {
                missing.add(inputs.get(i));
            } else {
                indices[i] = position;
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingFeatureColumnsException(missing);
        }
        return new HeaderBinding(indices);
    }

    /**
     * Encodes one row given as the header's fields.
     *
     * @throws FeatureValueException naming the column whose value cannot be read
     */
    public void encode(String[] fields, HeaderBinding binding, double[] out) {
        int[] indices = binding.indices();
        for (int i = 0; i < cellEncoders.length; i++) {
            cellEncoders[i].encode(fields[indices[i]], out, offsets[i]);
        }
    }

    public double[] encode(String[] fields, HeaderBinding binding) {
        double[] out = new double[width()];
        encode(fields, binding, out);
        return out;
    }

    /** Positions of the schema's input columns in some header. */
    public record HeaderBinding(int[] indices) {
        public HeaderBinding {
            indices = indices.clone();
        }
    }
}
