// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.propensity.serving.ScoreColumnKind;
import io.github.propensity.serving.SegmentLists;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams a segment's customer list straight to the response, as CSV or as JSON with typed values. The response
 * headers are set with the list's header, so a request refused before it still gets a plain problem response.
 */
sealed interface SegmentListWriter extends SegmentLists.RowSink {
    void finish();

    static SegmentListWriter csv(Context ctx, String segment) {
        return new Csv(ctx, segment.replaceAll("[^A-Za-z0-9-]", "") + ".csv");
    }

    static SegmentListWriter json(Context ctx, ObjectMapper json) {
        return new Json(ctx, json);
    }

    final class Csv implements SegmentListWriter {
        private final Context ctx;
        private final String fileName;
        private CSVPrinter printer;

        private Csv(Context ctx, String fileName) {
            this.ctx = ctx;
            this.fileName = fileName;
        }

        @Override
        public void header(List<String> columns) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            try {
                Writer writer = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                printer.printRecord(columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(String[] values) {
            try {
                printer.printRecord((Object[]) values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                if (printer != null) {
                    printer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Json implements SegmentListWriter {
        /** JSON's number grammar (RFC 8259): what may be written unquoted exactly as the file has it. */
        private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

        private final Context ctx;
        private final ObjectMapper json;
        private JsonGenerator generator;
        private List<String> columns;
        private List<ScoreColumnKind> kinds;

        private Json(Context ctx, ObjectMapper json) {
            this.ctx = ctx;
            this.json = json;
        }

        @Override
        public void header(List<String> columns) {
            this.columns = columns;
            this.kinds = ScoreColumnKind.of(columns);
            ctx.contentType("application/json");
            try {
                generator = json.getFactory().createGenerator(ctx.outputStream());
                generator.writeStartObject();
                generator.writeArrayFieldStart("customers");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(String[] values) {
            try {
                generator.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    generator.writeFieldName(columns.get(i));
                    writeValue(kinds.get(i), values[i]);
                }
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Empty is null; a numeric column's cell is a JSON number when it reads as one, as written in the file. */
        private void writeValue(ScoreColumnKind kind, String value) throws IOException {
            if (value.isEmpty()) {
                generator.writeNull();
                return;
            }
            switch (kind) {
                case NUMERIC -> {
                    if (JSON_NUMBER.matcher(value).matches()) {
                        generator.writeNumber(value);
                    } else {
                        generator.writeString(value);
                    }
                }
                case TEXT -> generator.writeString(value);
            }
        }

        @Override
        public void finish() {
            try {
                if (generator != null) {
                    generator.writeEndArray();
                    generator.writeEndObject();
                    generator.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
