// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a Parquet file, or a folder of part files, as a {@link RecordSource}: the columns of the first part are the
 * header (every part must have the same columns and types), and each row's values become the text a CSV would hold
 * ({@link ParquetColumn}); the columns of Hive partition folders follow as text ({@link ParquetDataset}). Rows are decoded one row group at a time, so memory is bounded by the largest row group,
 * not by the rows in the file. Positions are rows numbered from 1 across the parts in reading order.
 */
public final class ParquetRecordReader implements RecordSource {
    private static final Set<CompressionCodecName> SUPPORTED_CODECS = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW);

    private final Path path;
    private final ParquetDataset dataset;
    private final List<Path> parts;
    private final MessageType schema;
    private final ParquetColumn[] columns;
    private final List<String> header;
    private final List<StoredType> storedTypes;
    private final long totalRows;
    private final long totalBytes;
    private final ParquetRowMaterializer materializer;

    private int partIndex = -1;
    private ParquetFileReader part;
    private int rowGroup;
    private RecordReader<String[]> rows;
    private long rowsLeftInGroup;
    private long rowNumber;

    /** @param wanted the part files' columns to read (others are neither read nor decoded), or empty for all */
    private ParquetRecordReader(Path path, ParquetDataset dataset, Set<String> wanted) {
        this.path = path;
        this.dataset = dataset;
        this.parts = dataset.files();
        this.totalBytes = dataset.totalBytes();
        long rowCount = 0;
        MessageType first = null;
        for (Path file : parts) {
            try (ParquetFileReader reader = openPart(path, file)) {
                MessageType partSchema = reader.getFooter().getFileMetaData().getSchema();
                if (first == null) {
                    first = partSchema;
                } else if (!sameColumns(first, partSchema)) {
                    throw new DataException(where(path, file) + ": its columns " + describe(partSchema) + " differ from those of "
                            + parts.get(0).getFileName() + " " + describe(first) + "; every part of a folder must have the same columns");
                }
                checkCodecs(path, file, reader);
                rowCount += reader.getRecordCount();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        this.schema = wanted.isEmpty() ? first : new MessageType(first.getName(),
                first.getFields().stream().filter(field -> wanted.contains(field.getName())).toList());
        this.totalRows = rowCount;
        this.columns = new ParquetColumn[schema.getFieldCount()];
        List<String> names = new ArrayList<>();
        List<StoredType> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < columns.length; c++) {
            Type field = schema.getType(c);
            columns[c] = ParquetColumn.of(where(path, parts.get(0)), field);
            if (!seen.add(field.getName())) {
                throw new DataException(where(path, parts.get(0)) + ": duplicate column name '" + field.getName() + "' (columns must be unique)");
            }
            names.add(field.getName());
            types.add(columns[c].storedType());
        }
        for (String partition : dataset.partitionColumns()) {
            if (!seen.add(partition)) {
                throw new DataException(path.getFileName() + ": partition column '" + partition + "' is also a column of the part files;"
                        + " a table holds each column once");
            }
            names.add(partition);
            types.add(StoredType.TEXT);
        }
        this.header = List.copyOf(names);
        this.storedTypes = List.copyOf(types);
        this.materializer = new ParquetRowMaterializer(columns, dataset.partitionColumns().size());
    }

    /** Opens a {@code .parquet} file or a folder of parts; a missing, unreadable or non-Parquet file is bad input. */
    public static ParquetRecordReader open(Path path) {
        return new ParquetRecordReader(path, ParquetDataset.of(path), Set.of());
    }

    /**
     * Opens the dataset reading only the named columns of its parts, in the file's order (names it lacks are left
     * out; partition columns always come): a column store reads and decodes nothing else, so a reader that needs the
     * id and two labels of a wide file reads a fraction of it.
     */
    public static ParquetRecordReader open(Path path, Collection<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("name at least one column to read");
        }
        return new ParquetRecordReader(path, ParquetDataset.of(path), Set.copyOf(columns));
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<StoredType> storedTypes() {
        return storedTypes;
    }

    /** Rows in the whole dataset, from the parts' footers. */
    public long totalRows() {
        return totalRows;
    }

    @Override
    public String[] next() {
        if (!advanceToRows()) {
            return null;
        }
        return readRow();
    }

    @Override
    public long lineNumber() {
        return rowNumber;
    }

    @Override
    public RecordChunk nextChunk(int maxRecords) {
        if (!advanceToRows()) {
            return null;
        }
        int size = (int) Math.min(maxRecords, rowsLeftInGroup);
        String[][] batch = new String[size][];
        long[] positions = new long[size];
        for (int i = 0; i < size; i++) {
            batch[i] = readRow();
            positions[i] = rowNumber;
        }
        RecordBatch decoded = new RecordBatch(batch, positions, size, null);
        return new DecodedChunk(decoded);
    }

    /** Rows are not bytes in a columnar file: progress is the share of rows read, scaled to the dataset's bytes. */
    @Override
    public long bytesRead() {
        return totalRows == 0 || totalBytes < 0 ? 0 : (long) ((double) rowNumber / totalRows * totalBytes);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public String sha256Hex() {
        return dataset.sha256Hex();
    }

    @Override
    public void close() {
        closePart();
    }

    private String[] readRow() {
        try {
            String[] row = rows.read();
            rowsLeftInGroup--;
            rowNumber++;
            return row;
        } catch (ParquetDecodingException e) {
            throw new DataException(where(path, parts.get(partIndex)) + ", row group " + (rowGroup + 1) + ": cannot be decoded near row "
                    + (rowNumber + 1) + " of the dataset: " + e.getMessage());
        }
    }

    /** Moves to the next row group with rows, opening the next part as needed; false at the end. */
    private boolean advanceToRows() {
        while (rowsLeftInGroup == 0) {
            if (part == null) {
                if (partIndex + 1 >= parts.size()) {
                    return false;
                }
                partIndex++;
                rowGroup = -1;
                part = openPart(path, parts.get(partIndex));
                part.setRequestedSchema(schema);
                materializer.partitionValues(dataset.parts().get(partIndex).partitionValues());
            }
            PageReadStore pages;
            try {
                pages = part.readNextRowGroup();
            } catch (IOException | ParquetDecodingException e) {
                throw new DataException(where(path, parts.get(partIndex)) + ", row group " + (rowGroup + 2) + ": cannot be read: " + e.getMessage());
            }
            if (pages == null) {
                closePart();
                continue;
            }
            rowGroup++;
            MessageType partSchema = part.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema, partSchema);
            rows = io.getRecordReader(pages, materializer, FilterCompat.NOOP);
            rowsLeftInGroup = pages.getRowCount();
        }
        return true;
    }

    private void closePart() {
        if (part != null) {
            try {
                part.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + parts.get(partIndex) + ": " + e.getMessage(), e);
            } finally {
                part = null;
            }
        }
    }

    /**
     * Opens one part. The library signals a file that is not Parquet (no magic number, a footer past the end) with a
     * bare {@link RuntimeException}; that, like a failed read, is bad input named by the file.
     */
    private static ParquetFileReader openPart(Path path, Path file) {
        try {
            return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException e) {
            throw new DataException(where(path, file) + ": cannot be read as Parquet: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@[0-9a-f]+", "it");
            throw new DataException(where(path, file) + ": not a readable Parquet file (" + reason + ")", e);
        }
    }

    /** A part as the user finds it: the file's name, or the folder's and the part's path inside it. */
    private static String where(Path path, Path part) {
        return part.equals(path) ? String.valueOf(path.getFileName())
                : path.getFileName() + "/" + path.relativize(part).toString().replace('\\', '/');
    }

    /**
     * Refuses, before any row is read, a part compressed with a codec the jar does not carry (legacy Hadoop LZ4,
     * Brotli, LZO: rare, and each a native or large library); Spark and most writers use Snappy or Zstandard.
     */
    private static void checkCodecs(Path path, Path file, ParquetFileReader reader) {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (!SUPPORTED_CODECS.contains(chunk.getCodec())) {
                    throw new DataException(where(path, file) + ": column '" + chunk.getPath().toDotString() + "' is compressed with "
                            + chunk.getCodec() + ", which this reader does not support; write it with snappy, zstd, gzip, lz4_raw or"
                            + " no compression");
                }
            }
        }
    }

    private static boolean sameColumns(MessageType a, MessageType b) {
        if (a.getFieldCount() != b.getFieldCount()) {
            return false;
        }
        for (Type field : a.getFields()) {
            if (!b.containsField(field.getName())) {
                return false;
            }
            Type other = b.getType(field.getName());
            if (field.isPrimitive() != other.isPrimitive() || field.isPrimitive()
                    && (field.asPrimitiveType().getPrimitiveTypeName() != other.asPrimitiveType().getPrimitiveTypeName()
                    || !Objects.equals(field.getLogicalTypeAnnotation(), other.getLogicalTypeAnnotation()))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(MessageType schema) {
        return schema.getFields().stream().map(f -> f.getName() + " " + (f.isPrimitive() ? f.asPrimitiveType().getPrimitiveTypeName() : "group"))
                .toList().toString();
    }

    /** Records already decoded on the reading thread: splitting them is handing them over. */
    private record DecodedChunk(RecordBatch batch) implements RecordChunk {
        @Override
        public int records() {
            return batch.size();
        }

        @Override
        public DataException failure() {
            return null;
        }

        @Override
        public RecordBatch split(boolean anyWidth) {
            return batch;
        }
    }
}
