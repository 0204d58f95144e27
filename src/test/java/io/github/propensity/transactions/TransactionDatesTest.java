// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionDatesTest {
    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void detectsTheCommonExportFormats() {
        assertEquals("yyyyMMdd", TransactionDates.detect(List.of("19970101", "19980630"), "date").pattern());
        TransactionDates iso = TransactionDates.detect(List.of("2010-12-01 08:26:00", "2011-01-05 17:00:00"), "InvoiceDate");
        assertEquals(day("2010-12-01"), iso.epochDay("2010-12-01 08:26:00"));
        TransactionDates isoT = TransactionDates.detect(List.of("2024-03-01T23:59:00+02:00"), "ts");
        assertEquals(day("2024-03-01"), isoT.epochDay("2024-03-01T23:59:00+02:00"), "the date as written, not shifted to UTC");
        TransactionDates dayFirst = TransactionDates.detect(List.of("03/04/2024", "25/12/2024 14:30"), "d");
        assertEquals(day("2024-04-03"), dayFirst.epochDay("03/04/2024"));
        TransactionDates monthFirst = TransactionDates.detect(List.of("12/25/2024", "1/2/2024"), "d");
        assertEquals(day("2024-01-02"), monthFirst.epochDay("1/2/2024"));
        assertEquals(day("2024-07-31"), TransactionDates.detect(List.of("31.07.2024"), "d").epochDay("31.07.2024"));
    }

    @Test
    void refusesToGuessBetweenDayFirstAndMonthFirst() {
        var error = assertThrows(TransactionDates.DateFormatUnknownException.class,
                () -> TransactionDates.detect(List.of("03/04/2024", "11/12/2024"), "order_date"));
        assertTrue(error.getMessage().contains("order_date") && error.getMessage().contains("--date-format dd/MM/yyyy"), error.getMessage());
    }

    @Test
    void saysWhatToDoWhenNoFormatFits() {
        var error = assertThrows(TransactionDates.DateFormatUnknownException.class,
                () -> TransactionDates.detect(List.of("last tuesday"), "when"));
        assertTrue(error.getMessage().contains("'last tuesday'") && error.getMessage().contains("--date-format"), error.getMessage());
    }

    @Test
    void impossibleDatesAreNotDates() {
        TransactionDates iso = TransactionDates.ofPattern("yyyy-MM-dd");
        assertEquals(Integer.MIN_VALUE, iso.epochDay("2024-02-30"));
        assertEquals(Integer.MIN_VALUE, iso.epochDay("2023-02-29"));
        assertEquals(day("2024-02-29"), iso.epochDay("2024-02-29"));
        assertEquals(Integer.MIN_VALUE, iso.epochDay("2024-13-01"));
        assertEquals(Integer.MIN_VALUE, iso.epochDay("24-01-01"));
        assertEquals(Integer.MIN_VALUE, TransactionDates.ofPattern("dd/MM/yyyy").epochDay("31/04/2024"));
    }

    @Test
    void theFastIsoPathAgreesWithTheGeneralParser() {
        TransactionDates fast = TransactionDates.ofPattern("yyyy-MM-dd[ H:mm[:ss]]");
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
        for (int i = 0; i < 5000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(-20000, 40000));
            assertEquals(date.toEpochDay(), fast.epochDay(iso.format(date) + " 10:15"));
            assertEquals(date.toEpochDay(), fast.epochDay(iso.format(date)));
        }
    }

    @Test
    void aGivenPatternIsUsedAsIs() {
        assertEquals(day("2024-01-02"), TransactionDates.ofPattern("MM/dd/yyyy HH:mm").epochDay("01/02/2024 09:00"));
        assertThrows(IllegalArgumentException.class, () -> TransactionDates.ofPattern("yyyy-MM-dd {"));
    }
}
