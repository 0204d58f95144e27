// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shortcut writes exactly what the RFC 4180 printer writes, for values made of every kind of character. */
class CsvValuesTest {
    private static final String ALPHABET = "aZ09_=.()+- ,\"\n\r\t#!'$;é€\u0001~";

    @Test
    void writesWhatThePrinterWrites() throws IOException {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(6);
            StringBuilder value = new StringBuilder();
            for (int c = 0; c < length; c++) {
                value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            StringBuilder expected = new StringBuilder("x");
            CSVFormat.RFC4180.print(value, expected, false);
            StringBuilder actual = new StringBuilder("x");
            CsvValues.appendAfterComma(actual, value);
            assertEquals(expected.toString(), actual.toString(), "value [" + value + "]");
            StringBuilder appendedInPlace = new StringBuilder("x,").append(value);
            CsvValues.quoteAppended(appendedInPlace, 1);
            assertEquals(expected.toString(), appendedInPlace.toString(), "value appended in place [" + value + "]");
        }
    }

    @Test
    void typicalReasonsAndLabelsArePlain() {
        assertTrue(CsvValues.isPlain("days_since_last_login=41 (+0.62)"));
        assertTrue(CsvValues.isPlain("0.123456"));
        assertTrue(CsvValues.isPlain("at-risk"));
        assertFalse(CsvValues.isPlain(""));
        assertFalse(CsvValues.isPlain("plan=a,b (+0.10)"));
        assertFalse(CsvValues.isPlain("trailing "));
    }
}
