// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One flat Parquet column and how its values are written as the text a CSV would hold, so that the one CSV-reading
 * path parses them back to the same value: numbers in a form {@link NumericValues} reads exactly (integers as they
 * are, doubles as {@link Double#toString} which round-trips, floats as the shortest text of the float, decimals as
 * their exact plain digits), booleans as {@code true}/{@code false}, dates and times in ISO 8601, text as it is. A
 * NaN or infinite floating point value is written as missing, as a null is.
 *
 * @param name  the column's name
 * @param type  its physical and logical type
 * @param form  how its values are rendered
 * @param scale a decimal's scale, else 0
 */
record ParquetColumn(String name, PrimitiveType type, Form form, int scale) {
    /** How a column's values become text. */
    enum Form {
        BOOLEAN, SIGNED, UNSIGNED, FLOATING, DECIMAL, TEXT, UUID_TEXT, DATE, TIME_MILLIS, TIME_MICROS, TIME_NANOS,
        INSTANT_MILLIS, INSTANT_MICROS, INSTANT_NANOS, LOCAL_MILLIS, LOCAL_MICROS, LOCAL_NANOS, INT96_INSTANT
    }

    /** Julian day number of 1970-01-01: INT96 timestamps count days from the Julian epoch. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    /**
     * The column's rendering, or a {@link DataException} naming the column when it is nested, repeated or of a type
     * that has no one-cell text form.
     */
    static ParquetColumn of(String file, Type field) {
        if (!field.isPrimitive()) {
            throw new DataException(file + ": column '" + field.getName() + "' is nested (a struct, list or map); only flat"
                    + " columns can be read: select or flatten the columns you need into a flat table first");
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            throw new DataException(file + ": column '" + field.getName() + "' is repeated (a list); only flat columns can be"
                    + " read: select or flatten the columns you need into a flat table first");
        }
        PrimitiveType type = field.asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        String unsupported = file + ": column '" + field.getName() + "' has type " + type + ", which has no value a customer"
                + " table can hold; cast it to a number or a string first";
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return new ParquetColumn(field.getName(), type, Form.DECIMAL, decimal.getScale());
        }
        Form form = switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> Form.BOOLEAN;
            case FLOAT, DOUBLE -> Form.FLOATING;
            case INT96 -> Form.INT96_INSTANT;
            case INT32, INT64 -> integerForm(logical);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? Form.TEXT
                    : logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation ? Form.UUID_TEXT : null;
        };
        if (form == null) {
            throw new DataException(unsupported);
        }
        return new ParquetColumn(field.getName(), type, form, 0);
    }

    private static Form integerForm(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return Form.SIGNED;
        }
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
            return integer.isSigned() ? Form.SIGNED : Form.UNSIGNED;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return Form.DATE;
        }
        if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation time) {
            return switch (time.getUnit()) {
                case MILLIS -> Form.TIME_MILLIS;
                case MICROS -> Form.TIME_MICROS;
                case NANOS -> Form.TIME_NANOS;
            };
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
            TimeUnit unit = timestamp.getUnit();
            boolean utc = timestamp.isAdjustedToUTC();
            return switch (unit) {
                case MILLIS -> utc ? Form.INSTANT_MILLIS : Form.LOCAL_MILLIS;
                case MICROS -> utc ? Form.INSTANT_MICROS : Form.LOCAL_MICROS;
                case NANOS -> utc ? Form.INSTANT_NANOS : Form.LOCAL_NANOS;
            };
        }
        return null;
    }

    /** How schema inference should treat the column. */
    StoredType storedType() {
        return switch (form) {
            case BOOLEAN -> StoredType.BOOLEAN;
            case SIGNED, UNSIGNED, FLOATING, DECIMAL -> StoredType.NUMBER;
            case TEXT, UUID_TEXT, DATE, TIME_MILLIS, TIME_MICROS, TIME_NANOS, INSTANT_MILLIS, INSTANT_MICROS, INSTANT_NANOS,
                 LOCAL_MILLIS, LOCAL_MICROS, LOCAL_NANOS, INT96_INSTANT -> StoredType.TEXT;
        };
    }

    String ofBoolean(boolean value) {
        return value ? "true" : "false";
    }

    String ofInt(int value) {
        return switch (form) {
            case UNSIGNED -> Integer.toUnsignedString(value);
            case DECIMAL -> BigDecimal.valueOf(value, scale).toPlainString();
            case DATE -> LocalDate.ofEpochDay(value).toString();
            case TIME_MILLIS -> LocalTime.ofNanoOfDay(value * 1_000_000L).toString();
            default -> Integer.toString(value);
        };
    }

    String ofLong(long value) {
        return switch (form) {
            case UNSIGNED -> Long.toUnsignedString(value);
            case DECIMAL -> BigDecimal.valueOf(value, scale).toPlainString();
            case TIME_MICROS -> LocalTime.ofNanoOfDay(value * 1_000L).toString();
            case TIME_NANOS -> LocalTime.ofNanoOfDay(value).toString();
            case INSTANT_MILLIS -> Instant.ofEpochMilli(value).toString();
            case INSTANT_MICROS -> instant(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L).toString();
            case INSTANT_NANOS -> instant(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L)).toString();
            case LOCAL_MILLIS -> local(Math.floorDiv(value, 1_000L), Math.floorMod(value, 1_000L) * 1_000_000L);
            case LOCAL_MICROS -> local(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case LOCAL_NANOS -> local(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            default -> Long.toString(value);
        };
    }

    /** Null-free: a NaN or infinity is missing, as it would be in a CSV that the encoder reads. */
    String ofDouble(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    String ofFloat(float value) {
        return Float.isFinite(value) ? Float.toString(value) : "";
    }

    String ofBinary(Binary value) {
        return switch (form) {
            case DECIMAL -> new BigDecimal(new BigInteger(value.getBytes()), scale).toPlainString();
            case UUID_TEXT -> uuid(value.toByteBuffer());
            case INT96_INSTANT -> int96(value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
            default -> value.toStringUsingUTF8();
        };
    }

    private static String uuid(ByteBuffer bytes) {
        return new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8)).toString();
    }

    /** Legacy Spark/Impala timestamps: nanoseconds of the day, then the Julian day, both little-endian. */
    private static String int96(ByteBuffer bytes) {
        long nanosOfDay = bytes.getLong(bytes.position());
        long julianDay = Integer.toUnsignedLong(bytes.getInt(bytes.position() + 8));
        long epochDay = julianDay - JULIAN_EPOCH_DAY;
        long seconds = Math.addExact(Math.multiplyExact(epochDay, 86_400L), Math.floorDiv(nanosOfDay, 1_000_000_000L));
        return instant(seconds, Math.floorMod(nanosOfDay, 1_000_000_000L)).toString();
    }

    private static Instant instant(long seconds, long nanos) {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static String local(long seconds, long nanos) {
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC).toString();
    }
}
