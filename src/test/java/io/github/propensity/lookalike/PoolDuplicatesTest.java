// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.data.DataException;
import io.github.propensity.sample.SampleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated customer ids in a pool are bad rows: the first row of an id is kept, too many of them fail the load. */
class PoolDuplicatesTest {
    private static final List<String> OUTCOMES = List.of("churned", "purchased_30d", "converted");

    @TempDir
    static Path shared;
    static Path original;
    static List<String> lines;

    @BeforeAll
    static void data() throws IOException {
        original = shared.resolve("pool.csv");
        SampleWriter.write(original, null, 4000, 17);
        lines = Files.readAllLines(original);
    }

    /** The pool with {@code count} extra rows at the end, each repeating the id of an early row with other values. */
    private static Path withRepeats(Path dir, int count) throws IOException {
        List<String> repeated = new ArrayList<>(lines);
        for (int i = 0; i < count; i++) {
            String[] early = lines.get(1 + i).split(",", -1);
            String[] other = lines.get(2000 + i).split(",", -1);
            other[0] = early[0];
            repeated.add(String.join(",", other));
        }
        return Files.write(dir.resolve("repeats.csv"), repeated);
    }

    private static PoolSource source(Path file) {
        return PoolSource.of(file, "customer_id", OUTCOMES, false);
    }

    @Test
    void keepsTheFirstRowOfARepeatedIdAndCountsTheRest(@TempDir Path dir) throws IOException {
        EncodedPool clean = EncodedPool.read(source(original));
        EncodedPool repeated = EncodedPool.read(source(withRepeats(dir, 3)));
        assertEquals(4000, repeated.size());
        assertEquals(3, repeated.duplicates());
        assertEquals(0, clean.duplicates());
        for (int row = 0; row < clean.size(); row++) {
            assertEquals(clean.ids().get(row), repeated.ids().get(row));
            assertArrayEquals(clean.vectors()[row], repeated.vectors()[row], "row " + row + " is encoded from its first line");
        }
    }

    @Test
    void theCardCountsTheRepeatedRows(@TempDir Path dir) throws IOException {
        EncodedPool repeated = EncodedPool.read(source(withRepeats(dir, 2)));
        List<String> seed = repeated.ids().subList(0, 200);
        Audience audience = new LookalikeBuilder().build(repeated, SeedIds.of("test", seed),
                new AudienceSpec(AudienceSize.parse("100"), false, Set.of(), ExportFormat.PLAIN, 100, AudienceSpec.HOLDOUT_SHARE, 7));
        assertEquals(2, audience.card().poolDuplicates());
        assertEquals(4000, audience.card().poolRows());
        assertEquals(200, audience.card().seedMatched(), "a repeated seed id is one seed member");
    }

    @Test
    void tooManyRepeatedIdsFailNamingTheFileAndLinesButNoId(@TempDir Path dir) throws IOException {
        // 0.1 % of 4,005 rows allows 4; five repeats are too many.
        Path file = withRepeats(dir, 5);
        DataException e = assertThrows(DataException.class, () -> EncodedPool.read(source(file)));
        assertTrue(e.getMessage().startsWith("repeats.csv: 5 of 4005 rows repeat"), e.getMessage());
        assertTrue(e.getMessage().contains("first repeated lines: 4002, 4003, 4004, 4005, 4006"), e.getMessage());
        for (int i = 1; i <= 5; i++) {
            assertFalse(e.getMessage().contains(lines.get(i).split(",")[0]), "an id in the message: " + e.getMessage());
        }
    }

    @Test
    void aStricterToleranceRefusesAnyRepeat(@TempDir Path dir) throws IOException {
        Path file = withRepeats(dir, 1);
        PoolSource strict = new PoolSource(file, "customer_id", OUTCOMES, "email", "phone", "1", Optional.empty(), false, 0);
        assertThrows(DataException.class, () -> EncodedPool.read(strict));
    }
}
