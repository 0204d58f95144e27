// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** migration.csv as written from counts, whoever counted them: the CLI's Migration or the Spark job's join. */
class MigrationCountsTest {
    @Test
    void writesDimensionsInFirstAddedOrderAndCellsSortedByLabel() throws IOException {
        MigrationCounts counts = new MigrationCounts();
        counts.add("segment", "upsell", "(gone)", 2);
        counts.add("segment", "(new)", "upsell", 1);
        counts.add("segment", "at-risk", "upsell", 0);
        counts.add("churn_band", "low", "high", 3);
        counts.add("segment", "upsell", "(gone)", 5);
        StringWriter out = new StringWriter();
        counts.write(out);
        // "(new)" sorts before letters ('(' is 0x28); the two upsell-to-gone cells add to 7; the empty cell is not written.
        assertEquals("""
                dimension,from,to,customers
                segment,(new),upsell,1
                segment,upsell,(gone),7
                churn_band,low,high,3
                """, out.toString());
        assertEquals(7, counts.customers("segment", "upsell", "(gone)"));
        assertEquals(0, counts.customers("segment", "at-risk", "upsell"));
    }

    @Test
    void refusesNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new MigrationCounts().add("segment", "a", "b", -1));
    }
}
