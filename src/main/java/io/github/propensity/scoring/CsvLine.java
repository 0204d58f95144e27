// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits one line that {@link BatchWorker} wrote back into its values: comma-separated, a value quoted (with doubled
 * quotes inside) only when it must be, never a line break inside (kept values have theirs replaced).
 */
final class CsvLine {
    private CsvLine() {
    }

    /** Writes the line's values into {@code cells} from the start; returns how many there are. */
    static int split(byte[] line, int start, int length, String[] cells) {
        int end = start + length;
        int count = 0;
        int i = start;
        while (true) {
            if (count == cells.length) {
                throw new IllegalStateException("a scored row with more than " + cells.length + " values");
            }
            if (i < end && line[i] == '"') {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                i++;
                while (i < end) {
                    if (line[i] == '"') {
                        if (i + 1 < end && line[i + 1] == '"') {
                            value.write('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.write(line[i++]);
                }
                cells[count++] = value.toString(StandardCharsets.UTF_8);
            } else {
                int from = i;
                while (i < end && line[i] != ',') {
                    i++;
                }
                cells[count++] = new String(line, from, i - from, StandardCharsets.UTF_8);
            }
            if (i >= end) {
                return count;
            }
            i++;
        }
    }
}
