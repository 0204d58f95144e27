// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reading customer tables: one record seam ({@link io.github.propensity.data.RecordSource}) over CSV parsing
 * (delimiter detection, gzip, BOM, quoting) and Parquet files or folders of parts (types rendered as the text a CSV
 * holds, declared types deciding a column's kind), writing typed Parquet tables, missing-value tokens, numbers, and
 * schema inference (numeric, yes/no, categorical, or not a feature and why). Errors name file, line (a Parquet row)
 * and column. Uses only the root package and storage, and the Parquet library.
 */
package io.github.propensity.data;
