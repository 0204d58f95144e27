// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import io.github.propensity.data.RecordSource;
import io.github.propensity.data.CustomerTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform random sample of a base's rows read in one streaming pass (reservoir sampling, Vitter's algorithm R),
 * so fitting personas on a 100M-row base holds {@code capacity} rows, not the base. Rows keep their file order in
 * the sample, and the same file and seed give the same sample.
 *
 * @param table the sampled rows (the whole base when it has at most {@code capacity} rows), with the file's hash
 * @param rows  rows in the whole base
 */
record BaseSample(CustomerTable table, long rows) {
    private static final Logger log = LoggerFactory.getLogger(BaseSample.class);
    private static final long PROGRESS_ROWS = 1_000_000;

    static BaseSample read(Path file, Character separator, int capacity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (RecordSource reader = RecordSource.open(file, separator)) {
            String[][] kept = new String[capacity][];
            long[] lines = new long[capacity];
            long[] order = new long[capacity];
            long seen = 0;
            String[] fields;
            while ((fields = reader.next()) != null) {
                int slot = -1;
                if (seen < capacity) {
                    slot = (int) seen;
                } else {
                    long draw = random.nextLong(seen + 1);
                    if (draw < capacity) {
                        slot = (int) draw;
                    }
                }
                if (slot >= 0) {
                    kept[slot] = fields;
                    lines[slot] = reader.lineNumber();
                    order[slot] = seen;
                }
                seen++;
                if (seen % PROGRESS_ROWS == 0) {
                    log.info("read {} rows of {}", seen, file.getFileName());
                }
            }
            int size = (int) Math.min(seen, capacity);
            Integer[] byFileOrder = new Integer[size];
            for (int i = 0; i < size; i++) {
                byFileOrder[i] = i;
            }
            Arrays.sort(byFileOrder, (a, b) -> Long.compare(order[a], order[b]));
            List<String[]> rows = new ArrayList<>(size);
            long[] rowLines = new long[size];
            for (int i = 0; i < size; i++) {
                rows.add(kept[byFileOrder[i]]);
                rowLines[i] = lines[byFileOrder[i]];
            }
            return new BaseSample(new CustomerTable(file, reader.sha256Hex(), reader.header(), rows, rowLines, reader.storedTypes()), seen);
        }
    }
}
