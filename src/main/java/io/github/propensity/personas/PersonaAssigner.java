// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.model.PersonaModel;
import io.github.propensity.data.DataException;
import io.github.propensity.data.InOrderPipeline;
import io.github.propensity.data.RecordBatch;
import io.github.propensity.data.RecordChunk;
import io.github.propensity.data.RecordSource;
import io.github.propensity.features.FeatureValueException;
import io.github.propensity.features.MissingFeatureColumnsException;
import io.github.propensity.scoring.PersonaAssignment;
import io.github.propensity.scoring.PreparedPersona;
import io.github.propensity.storage.Compression;
import io.github.propensity.storage.StagedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Assigns every customer of a base to its persona, streaming: records are read in chunks, split, encoded and
 * assigned on worker threads and written in input order, so memory stays flat however many rows there are. The
 * output ({@code id, persona_id, persona_name}) is staged and renamed into place once complete; a bad row stops the
 * run with its file, line and column, and nothing is written.
 */
public final class PersonaAssigner {
    private static final Logger log = LoggerFactory.getLogger(PersonaAssigner.class);
    public static final List<String> OUTPUT_COLUMNS = List.of("persona_id", "persona_name");
    private static final long PROGRESS_ROWS = 1_000_000;

    private PersonaAssigner() {
    }

    /** Rows assigned and how many went to each persona (in the model's persona order). */
    public record Summary(long rows, long[] counts) {
        public Summary {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }
    }

    private record Assigned(String text, long[] counts, int rows, RecordBatch batch) {
    }

    public static Summary assign(Path data, Character separator, String idColumn, PersonaModel model, Path out, int threads) {
        long[] totals = new long[model.personas().size()];
        long[] rows = new long[1];
        try (RecordSource reader = RecordSource.open(data, separator)) {
            int idIndex = reader.header().indexOf(idColumn);
            if (idIndex < 0) {
                throw DataException.inFile(data, "has no id column '" + idColumn + "' (columns: " + reader.header() + ")");
            }
            PreparedPersona prepared;
            try {
                prepared = PreparedPersona.forHeader(model, reader.header());
            } catch (MissingFeatureColumnsException e) {
                throw DataException.inFile(data, "lacks the columns the persona model reads: " + e.columns());
            }
            try (StagedFile staged = StagedFile.open(out)) {
                Writer writer = staged.text(Compression.byName(out));
                writer.write(csv(idColumn) + "," + String.join(",", OUTPUT_COLUMNS) + "\n");
                try (InOrderPipeline<RecordChunk, Assigned> pipeline = new InOrderPipeline<>(threads, "persona-assign",
                        chunk -> assignChunk(chunk, data, idIndex, prepared),
                        assigned -> {
                            writer.write(assigned.text());
                            for (int p = 0; p < totals.length; p++) {
                                totals[p] += assigned.counts()[p];
                            }
                            long before = rows[0];
                            rows[0] += assigned.rows();
                            if (before / PROGRESS_ROWS != rows[0] / PROGRESS_ROWS) {
                                log.info("assigned {} rows", rows[0]);
                            }
                            assigned.batch().failIfCutShort();
                        })) {
                    RecordChunk chunk;
                    while ((chunk = reader.nextChunk(RecordBatch.DEFAULT_ROWS)) != null) {
                        pipeline.submit(chunk);
                    }
                    pipeline.finish();
                }
                writer.flush();
                staged.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return new Summary(rows[0], totals);
    }

    /** Assigns one chunk through the same prepared model the rescoring uses. */
    private static Assigned assignChunk(RecordChunk chunk, Path data, int idIndex, PreparedPersona prepared) {
        RecordBatch batch = chunk.split(false);
        PersonaAssignment assignment = prepared.newAssignment();
        long[] counts = new long[prepared.model().personas().size()];
        StringBuilder text = new StringBuilder(batch.size() * 48);
        for (int r = 0; r < batch.size(); r++) {
            String[] fields = batch.rows()[r];
            try {
                prepared.assign(fields, assignment);
            } catch (FeatureValueException e) {
                throw DataException.atColumn(data, batch.lines()[r], e.column(), e.expectation());
            }
            counts[assignment.slot()]++;
            text.append(csv(fields[idIndex]));
            prepared.appendColumns(text, assignment.slot());
            text.append('\n');
        }
        return new Assigned(text.toString(), counts, batch.size(), batch);
    }

    /** A CSV field, quoted when it holds a separator, quote or line break (RFC 4180). */
    static String csv(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';' || c == '\t') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
