// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.serving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankedRowsTest {
    private static final List<String> HEADER = List.of("customer_id", "value");
    /** Ids name their rank: b, c and e tie, d has no number, the comma and quote survive a spill. */
    private static final String[][] ROWS = {{"a", "1"}, {"b", "2"}, {"c", "2.0"}, {"d", ""}, {"e", "2"}, {"f, \"x\"", "3"}, {"g", "n/a"}};

    @TempDir
    Path spill;

    private List<String> rank(SegmentLists.Order order, long limit, int rowsInMemory) throws IOException {
        List<String> ids = new ArrayList<>();
        try (RankedRows ranked = new RankedRows(HEADER, 1, order, limit, rowsInMemory, spill)) {
            for (String[] row : ROWS) {
                ranked.add(row.clone());
            }
            ranked.emit(row -> ids.add(row[0]));
        }
        try (Stream<Path> left = Files.list(spill)) {
            assertEquals(0, left.count(), "temporary runs are deleted on close");
        }
        return ids;
    }

    @Test
    void ranksHighestFirstWithTiesInInputOrderAndCellsWithoutANumberLast() throws IOException {
        List<String> expected = List.of("f, \"x\"", "b", "c", "e", "a", "d", "g");
        assertEquals(expected, rank(SegmentLists.Order.DESC, Long.MAX_VALUE, 100), "all in memory");
        assertEquals(expected, rank(SegmentLists.Order.DESC, Long.MAX_VALUE, 2), "spilled in runs of two and merged");
    }

    @Test
    void ranksLowestFirstInAscendingOrderStillWithoutANumberLast() throws IOException {
        List<String> expected = List.of("a", "b", "c", "e", "f, \"x\"", "d", "g");
        assertEquals(expected, rank(SegmentLists.Order.ASC, Long.MAX_VALUE, 100));
        assertEquals(expected, rank(SegmentLists.Order.ASC, Long.MAX_VALUE, 3));
    }

    @Test
    void aLimitKeepsTheTopRowsWhetherHeldInAHeapOrMergedFromRuns() throws IOException {
        assertEquals(List.of("f, \"x\"", "b", "c"), rank(SegmentLists.Order.DESC, 3, 100), "bounded heap");
        assertEquals(List.of("f, \"x\"", "b", "c"), rank(SegmentLists.Order.DESC, 3, 3), "heap of exactly the limit");
        assertEquals(List.of("f, \"x\"", "b", "c", "e"), rank(SegmentLists.Order.DESC, 4, 2), "limit above memory: runs");
        assertEquals(List.of(), rank(SegmentLists.Order.DESC, 0, 100));
    }

    @Test
    void aBoundedHeapNeverTakesALaterRowThatOnlyTies() throws IOException {
        assertEquals(List.of("f, \"x\"", "b"), rank(SegmentLists.Order.DESC, 2, 100));
        assertEquals(List.of("a", "b"), rank(SegmentLists.Order.ASC, 2, 100));
    }

    @Test
    void spillingWritesOnlyUnderItsOwnTemporaryDirectory() throws IOException {
        try (RankedRows ranked = new RankedRows(HEADER, 1, SegmentLists.Order.DESC, Long.MAX_VALUE, 2, spill)) {
            for (String[] row : ROWS) {
                ranked.add(row.clone());
            }
            try (Stream<Path> dirs = Files.list(spill)) {
                List<Path> created = dirs.toList();
                assertEquals(1, created.size());
                assertTrue(created.get(0).getFileName().toString().startsWith("segment-list-"), created.toString());
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.get(0))),
                        "customer rows on disk are for the server's user only");
            }
        }
    }
}
