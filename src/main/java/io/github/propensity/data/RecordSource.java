// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The records of a customer table, whatever the file format: a header of unique names and records of exactly as many
 * fields, each field as text the way a CSV would hold it. Every command reads its input through this one seam, so
 * the encoder, the scorer and their error messages are the same for a CSV and for a Parquet file.
 * <p>
 * Positions ({@link #lineNumber()}, {@link RecordBatch#lines()}) are a CSV's physical lines, or a Parquet dataset's
 * 1-based rows; {@link DataException#at} words them as lines or rows by the file they name.
 */
public interface RecordSource extends Closeable {
    /**
     * Opens {@code path}: a Parquet file ({@code .parquet}), a folder of Parquet part files, or else a CSV
     * ({@code separator} null means detect it; ignored for Parquet).
     */
    static RecordSource open(Path path, Character separator) {
        return ParquetDataset.isParquet(path) ? ParquetRecordReader.open(path) : CsvRecordReader.open(path, separator);
    }

    /**
     * Opens {@code path} as {@link #open(Path, Character)} does, reading of a Parquet input only the named columns
     * (those it lacks are left out, partition columns always come; a column store reads and decodes nothing else); a
     * CSV has every column. Find columns by name in the header either way.
     */
    static RecordSource open(Path path, Character separator, Collection<String> columns) {
        return ParquetDataset.isParquet(path) ? ParquetRecordReader.open(path, columns) : CsvRecordReader.open(path, separator);
    }

    /** The file or folder read, as the user named it. */
    Path file();

    List<String> header();

    /** [column] how the file stores it; all {@link StoredType#UNTYPED} for a CSV. */
    List<StoredType> storedTypes();

    /** The next record's fields, or null at the end. */
    String[] next();

    /** The position of the record last returned by {@link #next()}: its line in a CSV, its row in a Parquet dataset. */
    long lineNumber();

    /**
     * The next records, up to {@code maxRecords}, for another thread to turn into a {@link RecordBatch}; null at the
     * end or after a chunk whose {@link RecordChunk#failure()} is set.
     */
    RecordChunk nextChunk(int maxRecords);

    /** Progress: bytes of the input read so far, comparable with {@link #totalBytes()}. */
    long bytesRead();

    /** The input's size in bytes (a folder's: its parts'), or -1 when unknown. */
    long totalBytes();

    /** SHA-256 of the input's bytes (a folder's parts in name order); complete once everything was read. */
    String sha256Hex();

    @Override
    void close();
}
