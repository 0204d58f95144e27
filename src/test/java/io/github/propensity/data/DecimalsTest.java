// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Appending and formatting round the magnitude half up and print it as BigDecimal would, with no "-0". */
class DecimalsTest {
    @Test
    void appendWritesWhatFormatReturns() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextDouble() - 0.5) * 4;
                case 2 -> random.nextInt(2001) / 1000.0 - 1;
                default -> (random.nextDouble() - 0.5) * 1e-3;
            };
            int places = i % 7;
            assertEquals(independently(value, places), Decimals.append(new StringBuilder(), value, places).toString(),
                    value + " to " + places + " places");
            assertEquals(independently(value, places), Decimals.format(value, places), value + " to " + places + " places");
        }
    }

    /** The magnitude rounded as Math.round does, printed by BigDecimal, with a minus unless it rounds to zero. */
    private static String independently(double value, int places) {
        long scaled = Math.round(Math.abs(value) * Math.pow(10, places));
        String magnitude = BigDecimal.valueOf(scaled, places).toPlainString();
        return value < 0 && scaled != 0 ? "-" + magnitude : magnitude;
    }

    @Test
    void formatsLikeHalfUpRoundingOfTheMagnitude() {
        assertEquals("0.05", Decimals.format(0.05, 2));
        assertEquals("-0.62", Decimals.format(-0.62, 2));
        assertEquals("0.00", Decimals.format(-0.001, 2));
        assertEquals("0.000123", Decimals.format(0.000123, 6));
        assertEquals("100.0", Decimals.format(100, 1));
        assertEquals("41", Decimals.format(41.2, 0));
    }
}
