// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Consecutive records of a CSV still as bytes ({@link CsvRecordReader#nextChunk}): the reading thread only finds
 * where they end, and the thread that encodes or scores them splits them ({@link #split}) into a
 * {@link RecordBatch}, so that the splitting and decoding run on every core.
 */
final class CsvRecordChunk implements RecordChunk {
    private final CsvRecordReader source;
    private final CsvTokenizer.Chunk chunk;

    CsvRecordChunk(CsvRecordReader source, CsvTokenizer.Chunk chunk) {
        this.source = source;
        this.chunk = chunk;
    }

    @Override
    public int records() {
        return chunk.records();
    }

    @Override
    public DataException failure() {
        return chunk.failure() == null ? null : source.syntaxError(chunk.failure());
    }

    /** Thread-safe: it reads only the source's file name, header size and delimiter, none of which change. */
    @Override
    public RecordBatch split(boolean anyWidth) {
        CsvTokenizer tokenizer = new CsvTokenizer(chunk, source.delimiter());
        int width = source.header().size();
        String[][] rows = new String[chunk.records()][];
        long[] lines = new long[chunk.records()];
        int size = 0;
        DataException failure = null;
        try {
            String[] fields;
            while (size < rows.length && (fields = tokenizer.next()) != null) {
                if (!anyWidth && fields.length != width) {
                    failure = source.widthError(tokenizer.recordLine(), fields.length);
                    break;
                }
                rows[size] = fields;
                lines[size] = tokenizer.recordLine();
                size++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split records of " + source.file() + " held in memory", e);
        } catch (CsvTokenizer.SyntaxError e) {
            // The reader found exactly these records' ends by the same rules, so they cannot break them.
            throw new IllegalStateException("records of " + source.file() + " split differently than they were found", e);
        }
        return new RecordBatch(rows, lines, size, failure != null ? failure : failure());
    }
}
