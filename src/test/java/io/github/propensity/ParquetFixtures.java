// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes test data as Parquet with the Parquet library's own example writer (not the project's code), and reads it
 * back with the library's example reader: the independent side of the tests that compare a CSV with its Parquet twin.
 */
public final class ParquetFixtures {
    /** How a CSV column is stored in the Parquet twin. */
    public enum Stored {
        STRING, LONG, DOUBLE, YES_NO_BOOLEAN,
        /** "2023-01-01 11:17" as a UTC-adjusted microsecond timestamp, as Spark writes timestamps. */
        TIMESTAMP_MICROS
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ParquetFixtures() {
    }

    /** The shipped sample's columns, typed as a data lake would hold them. */
    public static Map<String, Stored> sampleTypes() {
        return Map.ofEntries(Map.entry("tenure_days", Stored.LONG), Map.entry("sessions_30d", Stored.LONG),
                Map.entry("days_since_last_login", Stored.LONG), Map.entry("orders_90d", Stored.LONG),
                Map.entry("support_tickets_90d", Stored.LONG), Map.entry("nps_score", Stored.LONG),
                Map.entry("spend_365d", Stored.DOUBLE), Map.entry("avg_order_value", Stored.DOUBLE),
                Map.entry("email_open_rate", Stored.DOUBLE), Map.entry("discount_share", Stored.DOUBLE),
                Map.entry("auto_renew", Stored.YES_NO_BOOLEAN));
    }

    /**
     * Writes the first {@code maxRows} rows of {@code csv} (Commons CSV reads it) as {@code parts} Parquet files under
     * {@code target} (a file when {@code parts} is 1, else a folder of part-0000N.parquet), columns not in
     * {@code types} as strings; an empty cell is null. Row groups hold at most {@code rowGroupRows} rows.
     */
    public static Path write(Path csv, Path target, Map<String, Stored> types, int maxRows, int parts, int rowGroupRows)
            throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        List<String> header;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                if (records.size() == maxRows) {
                    break;
                }
                records.add(record);
            }
        }
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (String column : header) {
            switch (types.getOrDefault(column, Stored.STRING)) {
                case STRING -> builder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
                case LONG -> builder.optional(PrimitiveTypeName.INT64).named(column);
                case DOUBLE -> builder.optional(PrimitiveTypeName.DOUBLE).named(column);
                case YES_NO_BOOLEAN -> builder.optional(PrimitiveTypeName.BOOLEAN).named(column);
                case TIMESTAMP_MICROS -> builder.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(column);
            }
        }
        MessageType schema = builder.named("customers");
        if (parts > 1) {
            Files.createDirectories(target);
            Files.writeString(target.resolve("_SUCCESS"), "");
        }
        int perPart = (records.size() + parts - 1) / parts;
        for (int p = 0; p < parts; p++) {
            Path file = parts == 1 ? target : target.resolve(String.format("part-%05d.parquet", p));
            if (parts > 1) {
                Files.writeString(target.resolve(String.format(".part-%05d.parquet.crc", p)), "not a part");
            }
            List<CSVRecord> slice = records.subList(Math.min(records.size(), p * perPart), Math.min(records.size(), (p + 1) * perPart));
            writePart(file, schema, header, types, slice, rowGroupRows);
        }
        return target;
    }

    private static void writePart(Path file, MessageType schema, List<String> header, Map<String, Stored> types,
                                  List<CSVRecord> records, int rowGroupRows) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        // A row group is flushed when its buffered size passes the limit: a small limit makes several per file.
        long rowGroupBytes = Math.max(1024, (long) rowGroupRows * 40);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withRowGroupSize(rowGroupBytes)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (CSVRecord record : records) {
                Group group = groups.newGroup();
                for (int c = 0; c < header.size(); c++) {
                    String value = record.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    String column = header.get(c);
                    switch (types.getOrDefault(column, Stored.STRING)) {
                        case STRING -> group.append(column, value);
                        case LONG -> group.append(column, Long.parseLong(value));
                        case DOUBLE -> group.append(column, Double.parseDouble(value));
                        case YES_NO_BOOLEAN -> group.append(column, value.equalsIgnoreCase("yes"));
                        case TIMESTAMP_MICROS -> group.append(column, LocalDateTime.parse(value, MINUTES)
                                .toEpochSecond(ZoneOffset.UTC) * 1_000_000L);
                    }
                }
                writer.write(group);
            }
        }
    }

    /** Every record of a Parquet file, read with the library's example converter. */
    public static List<Group> read(Path file) throws IOException {
        List<Group> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    rows.add(records.read());
                }
            }
        }
        return rows;
    }

    /** How many row groups a Parquet file holds. */
    public static int rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return reader.getFooter().getBlocks().size();
        }
    }

    /** The schema a Parquet file declares. */
    public static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }
}
