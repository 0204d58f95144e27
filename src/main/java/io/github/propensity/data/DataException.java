// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import io.github.propensity.PropensityException;

import java.nio.file.Path;

/**
 * Bad input data: the message always says where (file, line, column) so the user can open the file and fix it.
 * Line numbers are 1-based physical lines as a spreadsheet or editor shows them (the header is line 1); in a Parquet
 * file or folder, which has no lines, the same position is the 1-based row (a folder's parts counted in name order).
 */
public final class DataException extends PropensityException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public static DataException at(Path file, long line, String message) {
        return new DataException(where(file, line) + ": " + message);
    }

    public static DataException atColumn(Path file, long line, String column, String message) {
        return new DataException(where(file, line) + ", column '" + column + "': " + message);
    }

    private static String where(Path file, long position) {
        return file.getFileName() + (ParquetDataset.isParquet(file) ? ", row " : ", line ") + position;
    }

    public static DataException inFile(Path file, String message) {
        return new DataException(file.getFileName() + ": " + message);
    }
}
