// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes rows of text cells, as this project's CSV writers produce them, as a Parquet file with typed columns: the
 * same values, with an empty cell as null. It writes to a stream, so callers publish the file with the storage
 * package's atomic primitives like any other file. Snappy-compressed, as Spark writes by default.
 */
public final class ParquetTableWriter implements Closeable {
    /** The column types a written table uses. */
    public enum CellType {
        TEXT, DOUBLE, INTEGER, LONG, BOOLEAN
    }

    /**
     * One column of the written table.
     *
     * @param name its name in the file
     * @param type how its text cells are stored
     */
    public record Column(String name, CellType type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private final ParquetWriter<String[]> writer;

    private ParquetTableWriter(ParquetWriter<String[]> writer) {
        this.writer = writer;
    }

    /** Starts a file on {@code out}, which the writer does not close: the caller completes and publishes it. */
    public static ParquetTableWriter open(OutputStream out, List<Column> columns) throws IOException {
        RowWriteSupport support = new RowWriteSupport(columns);
        return new ParquetTableWriter(new Builder(new StreamOutputFile(out), support)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build());
    }

    /**
     * Writes one row; its cells are text as a CSV holds them. A cell that is not of its column's type is a bug in
     * the caller, not bad input: the caller wrote it.
     */
    public void write(String[] cells) throws IOException {
        writer.write(cells);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static MessageType schemaOf(List<Column> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : columns) {
            switch (column.type()) {
                case TEXT -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column.name());
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(column.name());
                case INTEGER -> message.optional(PrimitiveTypeName.INT32).named(column.name());
                case LONG -> message.optional(PrimitiveTypeName.INT64).named(column.name());
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
            }
        }
        return message.named("table");
    }

    /** Turns a row of text cells into the typed fields of one record. */
    private static final class RowWriteSupport extends WriteSupport<String[]> {
        private final MessageType schema;
        private final CellType[] types;
        private final String[] names;
        private RecordConsumer consumer;

        RowWriteSupport(List<Column> columns) {
            this.schema = schemaOf(columns);
            this.types = columns.stream().map(Column::type).toArray(CellType[]::new);
            this.names = columns.stream().map(Column::name).toArray(String[]::new);
        }

        /** Abstract, so implemented, though deprecated: the Hadoop-free overload below is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(String[] cells) {
            if (cells.length != types.length) {
                throw new IllegalArgumentException("a row of " + cells.length + " cells for " + types.length + " columns");
            }
            consumer.startMessage();
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c];
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                consumer.startField(names[c], c);
                switch (types[c]) {
                    case TEXT -> consumer.addBinary(Binary.fromString(cell));
                    case DOUBLE -> consumer.addDouble(Double.parseDouble(cell));
                    case INTEGER -> consumer.addInteger(Integer.parseInt(cell));
                    case LONG -> consumer.addLong(Long.parseLong(cell));
                    case BOOLEAN -> consumer.addBoolean(Boolean.parseBoolean(cell));
                }
                consumer.endField(names[c], c);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<String[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Abstract, so implemented, though deprecated: the Hadoop-free overload below is the one used. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<String[]> getWriteSupport(Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<String[]> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }

    /** A Parquet output over a stream that counts its bytes; closing it leaves the stream to its owner. */
    private record StreamOutputFile(OutputStream out) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    position += length;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
