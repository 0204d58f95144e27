// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

/**
 * How a file stores a column. A CSV stores only text, so a column's kind is inferred from its values
 * ({@link SchemaInference}); a Parquet file declares a type, and that decides the kind instead: a text column is never
 * numeric even when it holds digits (a zip code, an account number), and a number column is never a category.
 */
public enum StoredType {
    /** Text without a declared type (CSV): the values decide. */
    UNTYPED,
    /** A declared number (integers, floating point, decimals): numeric. */
    NUMBER,
    /** Declared text (strings, dates, timestamps): a two-valued yes/no column is boolean, anything else categorical. */
    TEXT,
    /** A declared boolean, read as {@code true}/{@code false}. */
    BOOLEAN
}
