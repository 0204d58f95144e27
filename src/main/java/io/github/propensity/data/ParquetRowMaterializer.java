// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

import java.util.Arrays;

/** Builds each row as a String[] with "" for nulls, the cells written straight by one converter per column. */
final class ParquetRowMaterializer extends RecordMaterializer<String[]> {
    private final int width;
    private final GroupConverter root;
    private String[] row;

    ParquetRowMaterializer(ParquetColumn[] columns) {
        this.width = columns.length;
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
                Arrays.fill(row, "");
            }

            @Override
            public void end() {
            }
        };
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
