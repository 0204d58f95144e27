// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.Arrays;

class FirstOccurrencesTest {
    private static long[] hashOf(String id) {
        long[] hash = new long[2];
        CustomerIdHash.hash(id, hash, 0);
        return hash;
    }

    @Test
    void remembersTheFirstLineOfEveryIdWhileGrowing() {
        rememberFirstLines(new FirstOccurrences(16), false);
    }

    @Test
    void remembersThemWhenResizedOnceMidway() {
        rememberFirstLines(new FirstOccurrences(16), true);
    }

    @Test
    void rejectsALineBeyondWhatItStores() {
        assertThrows(IllegalArgumentException.class,
                () -> new FirstOccurrences(16).putIfAbsent(hashOf("C1"), 0, Integer.MAX_VALUE + 1L));
    }

    private static void rememberFirstLines(FirstOccurrences seen, boolean reserveMidway) {
        Map<String, Long> firstLine = new HashMap<>();
        Random random = new Random(7);
        for (long line = 2; line < 100_000; line++) {
            if (reserveMidway && line == 5_000) {
                seen.reserve(120_000);
            }
            String id = "C" + random.nextInt(60_000);
            Long expected = firstLine.putIfAbsent(id, line);
            assertEquals(expected == null ? 0 : expected, seen.putIfAbsent(hashOf(id), 0, line), id);
        }
        assertEquals(firstLine.size(), seen.size());
    }

    @Test
    void idsThatDifferOnlyInOrderOrLengthHashApart() {
        assertNotEquals(Arrays.toString(hashOf("AB")), Arrays.toString(hashOf("BA")));
        assertNotEquals(Arrays.toString(hashOf("A")), Arrays.toString(hashOf("A\0")));
        assertNotEquals(Arrays.toString(hashOf("")), Arrays.toString(hashOf("\0")));
    }

    @Test
    void rejectsALineBeforeTheFirst() {
        assertThrows(IllegalArgumentException.class, () -> new FirstOccurrences(16).putIfAbsent(hashOf("C1"), 0, 0));
    }
}
