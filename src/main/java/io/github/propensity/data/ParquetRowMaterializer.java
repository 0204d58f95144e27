// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

import java.util.Arrays;
import java.util.List;

/**
 * Builds each row as a String[] with "" for nulls, the cells written straight by one converter per column, then the
 * current part's partition values.
 */
final class ParquetRowMaterializer extends RecordMaterializer<String[]> {
    private final int fileColumns;
    private final int width;
    private final GroupConverter root;
    private String[] partitionValues = new String[0];
    private String[] row;

    /** @param partitionColumns how many partition columns follow the file's own */
    ParquetRowMaterializer(ParquetColumn[] columns, int partitionColumns) {
        this.fileColumns = columns.length;
        this.width = columns.length + partitionColumns;
        Converter[] converters = new Converter[columns.length];
        for (int c = 0; c < columns.length; c++) {
            converters[c] = new CellConverter(this, c, columns[c]);
        }
        this.root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return converters[fieldIndex];
            }

            @Override
            public void start() {
                row = new String[width];
                Arrays.fill(row, 0, fileColumns, "");
                System.arraycopy(partitionValues, 0, row, fileColumns, partitionValues.length);
            }

            @Override
            public void end() {
            }
        };
    }

    /** The partition values of the part whose rows come next. */
    void partitionValues(List<String> values) {
        if (values.size() != width - fileColumns) {
            throw new IllegalArgumentException(values.size() + " partition values for " + (width - fileColumns) + " partition columns");
        }
        partitionValues = values.toArray(String[]::new);
    }

    @Override
    public String[] getCurrentRecord() {
        return row;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    /**
     * Writes one column's value into the row being built; a dictionary-encoded column's entries are rendered once per
     * dictionary instead of once per row, which is most of a low-cardinality column's cost.
     */
    private static final class CellConverter extends PrimitiveConverter {
        private final ParquetRowMaterializer rows;
        private final int column;
        private final ParquetColumn type;
        private String[] dictionary;

        CellConverter(ParquetRowMaterializer rows, int column, ParquetColumn type) {
            this.rows = rows;
            this.column = column;
            this.type = type;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary values) {
            dictionary = new String[values.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = switch (type.type().getPrimitiveTypeName()) {
                    case BOOLEAN -> type.ofBoolean(values.decodeToBoolean(id));
                    case INT32 -> type.ofInt(values.decodeToInt(id));
                    case INT64 -> type.ofLong(values.decodeToLong(id));
                    case FLOAT -> type.ofFloat(values.decodeToFloat(id));
                    case DOUBLE -> type.ofDouble(values.decodeToDouble(id));
                    case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> type.ofBinary(values.decodeToBinary(id));
                };
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            rows.row[column] = dictionary[dictionaryId];
        }

        @Override
        public void addBinary(Binary value) {
            rows.row[column] = type.ofBinary(value);
        }

        @Override
        public void addBoolean(boolean value) {
            rows.row[column] = type.ofBoolean(value);
        }

        @Override
        public void addDouble(double value) {
            rows.row[column] = type.ofDouble(value);
        }

        @Override
        public void addFloat(float value) {
            rows.row[column] = type.ofFloat(value);
        }

        @Override
        public void addInt(int value) {
            rows.row[column] = type.ofInt(value);
        }

        @Override
        public void addLong(long value) {
            rows.row[column] = type.ofLong(value);
        }
    }
}
