// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpliftGroupsTest {
    private final UpliftGroups groups = new UpliftGroups(0.02, 0.10);

    @Test
    void upliftBeyondTheMarginDecidesFirstThenTheResponseWithoutContact() {
        assertEquals(UpliftGroup.PERSUADABLES, groups.of(0.021, 0.01));
        assertEquals(UpliftGroup.SLEEPING_DOGS, groups.of(-0.021, 0.90));
        // Inside the margin: sure things respond at least as often as the control arm did, lost causes less.
        assertEquals(UpliftGroup.SURE_THINGS, groups.of(0.02, 0.10));
        assertEquals(UpliftGroup.LOST_CAUSES, groups.of(-0.02, 0.0999));
        assertEquals("sleeping-dogs", UpliftGroup.SLEEPING_DOGS.label());
    }

    @Test
    void refusesMeaninglessThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new UpliftGroups(-0.01, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new UpliftGroups(0.01, 1.5));
    }
}
