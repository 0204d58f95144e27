// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NumericValuesTest {
    @Test
    void plainDecimalsParseToExactlyWhatTheJdkParserGives() {
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            int places = random.nextInt(7);
            long units = random.nextLong() % 100_000_000L;
            String text = places == 0 ? Long.toString(units)
                    : (units < 0 ? "-" : "") + Math.abs(units) / 100 + "." + String.format("%0" + places + "d", Math.abs(units) % (long) Math.pow(10, places));
            assertEquals(Double.parseDouble(text), NumericValues.parse(text), 0.0, text);
        }
        assertEquals(0.1, NumericValues.parse(".1"));
        assertEquals(5.0, NumericValues.parse("5."));
        assertEquals(-0.0, NumericValues.parse("-0"));
        assertEquals(1.2345678901234567e10, NumericValues.parse("12345678901.234567"), 0.0);
        assertEquals(1.5e3, NumericValues.parse("1.5e3"));
    }

    @Test
    void textAndSpecialValuesAreNotNumbers() {
        for (String text : new String[]{"", "abc", "NaN", "Infinity", "-Infinity", "1d", "0x1p3", "1.2.3", "-", "+", ".", "1,5"}) {
            assertNull(NumericValues.parse(text), text);
        }
    }
}
