// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index finds every id's first row and refuses repeats, like a HashMap filled with putIfAbsent. */
class IdIndexTest {
    @Test
    void agreesWithAHashMap() {
        Random random = new Random(5);
        IdIndex index = new IdIndex();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            String id = "C" + random.nextInt(200_000);
            boolean added = expected.putIfAbsent(id, expected.size()) == null;
            assertEquals(added, index.add(id), id);
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((id, row) -> assertEquals(row, index.rowOf(id), id));
        assertEquals(-1, index.rowOf("C-1"));
        assertEquals(-1, index.rowOf(""));
        for (int row = 0; row < index.size(); row++) {
            assertEquals(row, expected.get(index.ids().get(row)));
        }
    }
}
