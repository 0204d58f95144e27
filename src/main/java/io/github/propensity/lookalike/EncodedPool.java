// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Collections;
import java.util.List;

/**
 * The candidate base read once and encoded (floats: a million customers fit in a few hundred MB), ready for any number
 * of audiences: ids, vectors, contact columns when kept, and how features map back to input columns. Each id appears
 * once (the first row of a repeated id is kept). Immutable, so concurrent builds may share it.
 */
public final class EncodedPool {
    private final PoolSource source;
    private final IdIndex ids;
    private final List<String> idList;
    private final float[][] vectors;
    private final String[] emails;
    private final String[] phones;
    private final boolean contactColumns;
    private final String[] featureNames;
    private final List<String> inputColumns;
    private final int[] columnOfFeature;
    private final long duplicates;

    EncodedPool(PoolSource source, IdIndex ids, float[][] vectors, String[] emails,
                String[] phones, boolean contactColumns, String[] featureNames, List<String> inputColumns,
                int[] columnOfFeature, long duplicates) {
        this.source = source;
        // The reader hands over its index, which nothing changes afterwards; copying it would cost a million entries.
        this.ids = ids;
        this.idList = Collections.unmodifiableList(ids.ids());
        this.vectors = vectors;
        this.emails = emails;
        this.phones = phones;
        this.contactColumns = contactColumns;
        this.featureNames = featureNames;
        this.inputColumns = List.copyOf(inputColumns);
        this.columnOfFeature = columnOfFeature;
        this.duplicates = duplicates;
    }

    /** Reads and encodes the pool file; bad data is a {@link io.github.propensity.data.DataException} naming the line. */
    public static EncodedPool read(PoolSource source) {
        return PoolReader.read(source);
    }

    public PoolSource source() {
        return source;
    }

    public int size() {
        return vectors.length;
    }

    /** Rows skipped because they repeat an earlier row's id. */
    public long duplicates() {
        return duplicates;
    }

    List<String> ids() {
        return idList;
    }

    /** The row of a customer id, or -1 when the id is not in the pool. */
    int rowOf(String id) {
        return ids.rowOf(id);
    }

    float[][] vectors() {
        return vectors;
    }

    /** Per row, the raw e-mail (null when missing); empty unless contacts are kept. */
    String[] emails() {
        return emails;
    }

    String[] phones() {
        return phones;
    }

    /** Whether contacts are kept and the file has an e-mail or phone column. */
    boolean hasContacts() {
        return contactColumns;
    }

    String[] featureNames() {
        return featureNames;
    }

    List<String> inputColumns() {
        return inputColumns;
    }

    int[] columnOfFeature() {
        return columnOfFeature;
    }
}
