// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reading customer tables: CSV parsing (delimiter detection, gzip, BOM, quoting), missing-value tokens, numbers, and
 * schema inference (numeric, yes/no, categorical, or not a feature and why). Errors name file, line and column. Uses
 * only the root package and storage.
 */
package io.github.propensity.data;
