// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsiTest {
    @Test
    void matchesAHandComputedIndex() {
        // Expected 50/30/20 %, actual 40/30/30 % (counts 40, 30, 30):
        // (0.4-0.5) ln(0.4/0.5) + 0 + (0.3-0.2) ln(0.3/0.2) = 0.0223144 + 0.0405465 = 0.0628609
        double psi = Psi.of(new double[]{0.5, 0.3, 0.2}, new long[]{40, 30, 30});
        assertEquals(0.1 * Math.log(0.5 / 0.4) + 0.1 * Math.log(1.5), psi, 1e-12);
        assertEquals(0.0628609, psi, 1e-6);
    }

    @Test
    void identicalDistributionsHaveZeroIndex() {
        assertEquals(0.0, Psi.of(new double[]{0.25, 0.75}, new long[]{25, 75}), 1e-15);
    }

    @Test
    void anEmptyBinIsFlooredInsteadOfInfinite() {
        double psi = Psi.of(new double[]{0.5, 0.5}, new long[]{100, 0});
        assertTrue(Double.isFinite(psi) && psi > Psi.ALERT, "psi " + psi);
    }
}
