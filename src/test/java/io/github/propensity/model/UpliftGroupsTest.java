// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpliftGroupsTest {
    private final UpliftGroups groups = new UpliftGroups(0.02, 0.10, OutcomeDirection.WANTED);

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
    void anUnwantedOutcomeTurnsTheGroupsAround() {
        // A retention campaign modelled on churn (control churn rate 0.20): a contact that lowers churn keeps the
        // customer, so uplift -0.05 is persuadable and +0.05 a sleeping dog; inside the margin, a customer who would
        // churn less than the control arm without contact stays anyway (sure thing), one who would churn more is lost.
        UpliftGroups churn = new UpliftGroups(0.02, 0.20, OutcomeDirection.UNWANTED);
        assertEquals(UpliftGroup.PERSUADABLES, churn.of(-0.05, 0.5));
        assertEquals(UpliftGroup.SLEEPING_DOGS, churn.of(0.05, 0.1));
        assertEquals(UpliftGroup.SURE_THINGS, churn.of(0.0, 0.20));
        assertEquals(UpliftGroup.LOST_CAUSES, churn.of(0.01, 0.21));
    }

    @Test
    void refusesMeaninglessThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new UpliftGroups(-0.01, 0.1, OutcomeDirection.WANTED));
        assertThrows(IllegalArgumentException.class, () -> new UpliftGroups(0.01, 1.5, OutcomeDirection.WANTED));
        assertThrows(NullPointerException.class, () -> new UpliftGroups(0.01, 0.1, null));
    }
}
