// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.DataException;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows are encoded on workers behind the parser, yet the first bad line of a pool is the one named: a bad value
 * before a record the parser refuses is reported, in the same batch of records or an earlier one.
 */
class PoolErrorOrderTest {
    private static final List<String> OUTCOMES = List.of("churned", "purchased_30d", "converted");

    @Test
    void namesABadValueBeforeALaterUnreadableRecord(@TempDir Path dir) throws IOException {
        Path original = dir.resolve("pool.csv");
        // Beyond the rows the schema is inferred from, so the bad value cannot shape the schema.
        SampleWriter.write(original, null, PoolReader.SCHEMA_SAMPLE_ROWS + 4000, 17);
        List<String> lines = Files.readAllLines(original);
        int tenure = List.of(lines.get(0).split(",")).indexOf("tenure_days");
        int first = PoolReader.SCHEMA_SAMPLE_ROWS + 100;
        for (int[] at : new int[][]{{first, first + 3000}, {first + 2500, first + 2510}}) {
            List<String> broken = new ArrayList<>(lines);
            String[] fields = broken.get(at[0] - 1).split(",", -1);
            fields[tenure] = "notanumber";
            broken.set(at[0] - 1, String.join(",", fields));
            broken.set(at[1] - 1, "only,three,fields");
            Path file = Files.write(dir.resolve("broken-" + at[0] + ".csv"), broken);
            DataException e = assertThrows(DataException.class,
                    () -> EncodedPool.read(PoolSource.of(file, "customer_id", OUTCOMES, false)));
            assertTrue(e.getMessage().contains("line " + at[0] + ":") && e.getMessage().contains("tenure_days"), e.getMessage());
        }
    }
}
