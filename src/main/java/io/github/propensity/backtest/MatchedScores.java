// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.backtest;

import io.github.propensity.data.DataException;
import io.github.propensity.data.NumericValues;
import io.github.propensity.data.RecordSource;
import io.github.propensity.model.Task;
import io.github.propensity.scoring.Band;
import io.github.propensity.scoring.CustomerIdHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The snapshot's scores of the customers that have an outcome, read in one streamed pass over the scores file: per
 * matched customer a probability, an outcome and a band (10 bytes), in the file's order. The snapshot's other
 * customers are only counted, so memory follows the outcomes, not the base. Probabilities stay doubles, the type
 * the evaluator takes: a float would save 4 bytes but can move a value such as 0.7 across a calibration bin edge.
 */
final class MatchedScores {
    private static final Logger log = LoggerFactory.getLogger(MatchedScores.class);
    /** Band code of a row whose band cell is empty or unknown. */
    static final byte UNBANDED = (byte) Band.values().length;
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    private static final Band[] BANDS = Band.values();

    private double[] probabilities = new double[1 << 12];
    private boolean[] outcomes = new boolean[1 << 12];
    private byte[] bands = new byte[1 << 12];
    private int matched;
    private long snapshotCustomers;

    private MatchedScores() {
    }

    /** Claims each scored customer's outcome in {@code table}; refuses a scores file without the task's columns. */
    static MatchedScores read(ScoredSnapshot snapshot, Task task, OutcomeTable table) {
        MatchedScores scores = new MatchedScores();
        Path file = snapshot.scores().file();
        long start = System.nanoTime();
        long lastProgress = start;
        try (RecordSource reader = snapshot.scores().open(List.of(task.id() + "_probability", task.id() + "_band"))) {
            long fileSize = reader.totalBytes();
            List<String> header = reader.header();
            int id = snapshot.scores().idIndex(header);
            int probability = column(file, header, task.id() + "_probability");
            int band = column(file, header, task.id() + "_band");
            long[] hash = new long[2];
            String[] fields;
            while ((fields = reader.next()) != null) {
                scores.snapshotCustomers++;
                CustomerIdHash.hash(fields[id].strip(), hash, 0);
                OutcomeTable.Claim claim = table.claim(hash[0], hash[1]);
                switch (claim) {
                    case ABSENT -> {
                    }
                    case ALREADY_CLAIMED -> throw DataException.at(file, reader.lineNumber(),
                            "repeats the customer id of an earlier line; rescoring never writes that, so the file was changed after it");
                    case NEGATIVE, POSITIVE -> scores.add(probability(file, reader.lineNumber(), fields[probability], task),
                            claim == OutcomeTable.Claim.POSITIVE, bandCode(fields[band]));
                }
                if ((scores.snapshotCustomers & 0xFFFF) == 0 && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    log.info("read {} snapshot rows ({}% of {}), {} matched", scores.snapshotCustomers,
                            fileSize > 0 ? Math.round(100.0 * reader.bytesRead() / fileSize) : "?", file.getFileName(), scores.matched);
                }
            }
        }
        log.info("read {} snapshot rows in {} ms, {} with an outcome", scores.snapshotCustomers,
                (System.nanoTime() - start) / 1_000_000, scores.matched);
        return scores;
    }

    private void add(double probability, boolean positive, byte band) {
        if (matched == probabilities.length) {
            if (matched == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + matched + " matched customers in one backtest");
            }
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, matched + (long) (matched >> 1));
            probabilities = Arrays.copyOf(probabilities, grown);
            outcomes = Arrays.copyOf(outcomes, grown);
            bands = Arrays.copyOf(bands, grown);
        }
        probabilities[matched] = probability;
        outcomes[matched] = positive;
        bands[matched] = band;
        matched++;
    }

    int matched() {
        return matched;
    }

    long snapshotCustomers() {
        return snapshotCustomers;
    }

    /** The matched probabilities in file order (trimmed to the matched rows, so this copies once). */
    double[] probabilities() {
        return Arrays.copyOf(probabilities, matched);
    }

    boolean[] outcomes() {
        return Arrays.copyOf(outcomes, matched);
    }

    /** A {@link Band} ordinal per matched row, or {@link #UNBANDED}. */
    byte band(int row) {
        return bands[row];
    }

    private static int column(Path file, List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw DataException.inFile(file, "column '" + name + "' not found; the columns are: " + String.join(", ", header));
        }
        return index;
    }

    private static double probability(Path file, long line, String cell, Task task) {
        double value = NumericValues.parseOrNaN(cell.strip());
        if (!(value >= 0 && value <= 1)) {
            throw DataException.atColumn(file, line, task.id() + "_probability", "'" + cell + "' is not a probability between 0 and 1");
        }
        return value;
    }

    private static byte bandCode(String cell) {
        String text = cell.strip();
        for (Band band : BANDS) {
            if (band.label().equalsIgnoreCase(text)) {
                return (byte) band.ordinal();
            }
        }
        return UNBANDED;
    }
}
