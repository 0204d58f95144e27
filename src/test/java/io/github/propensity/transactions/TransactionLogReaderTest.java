// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;

class TransactionLogReaderTest {
    @TempDir
    Path dir;

    @Test
    void linesOfOneInvoiceAreOneOrderAndCancellationsAreReturns() throws IOException {
        Path file = new LogFixture()
                .line("500", "a", "2024-01-05", 2, 10)
                .line("500", "a", "2024-01-05", 1, 5)
                .line("C501", "a", "2024-01-09", 1, 5)
                .line("502", "a", "2024-01-20", -1, -10)
                .line("503", "", "2024-01-20", 1, 99)
                .write(dir.resolve("log.csv"));
        TransactionLogReader.Result result = new TransactionLogReader(LogFixture.COLUMNS, null, false).read(file, null);
        TransactionLog log = result.log();
        assertEquals(1, log.customerCount());
        assertEquals(3, log.orderCount(), "one purchase order and two return orders");
        assertFalse(log.isReturn(0));
        assertEquals(15, log.value(0), 1e-9);
        assertEquals(3, log.items(0), 1e-9);
        assertTrue(log.isReturn(1) && log.isReturn(2));
        assertEquals(5, log.value(1), 1e-9, "a cancellation's value counts as returned, positive");
        assertEquals(10, log.value(2), 1e-9);
        assertEquals(1, result.summary().withoutCustomer());
        assertEquals(2, result.summary().returnLines());
        assertEquals("yyyy-MM-dd[ H:mm[:ss]]", result.summary().dateFormat());
    }

    @Test
    void withoutInvoiceNumbersOneCustomersDayIsOneOrder() throws IOException {
        Path file = Files.write(dir.resolve("log.csv"), List.of("customer,day,value",
                "a,2024-01-05,10", "a,2024-01-05,5", "a,2024-01-06,1", "b,2024-01-05,2"));
        var columns = new TransactionColumns("customer", "day", "value", null, null, null, null);
        TransactionLog log = new TransactionLogReader(columns, null, false).read(file, null).log();
        assertEquals(3, log.orderCount());
        assertFalse(log.hasItems());
    }

    @Test
    void quantityTimesPriceGivesTheValue() throws IOException {
        Path file = Files.write(dir.resolve("log.csv"), List.of("InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID",
                "1,3,2011-01-01 10:00:00,2.50,17850"));
        var columns = new TransactionColumns("CustomerID", "InvoiceDate", null, "Quantity", "UnitPrice", "InvoiceNo", "C");
        TransactionLog log = new TransactionLogReader(columns, null, false).read(file, null).log();
        assertEquals(7.5, log.value(0), 1e-9);
    }

    @Test
    void anUnreadableLineIsAnErrorNamingItsLineAndColumn() throws IOException {
        Path file = new LogFixture()
                .buy("a", "2024-01-05", 10)
                .raw("9,b,2024-02-31,1,3")
                .raw("10,c,2024-01-07,1,twelve")
                .write(dir.resolve("orders.csv"));
        DataException error = assertThrows(DataException.class, () -> LogFixture.read(file));
        String message = error.getMessage();
        assertTrue(message.startsWith("orders.csv: 2 line(s) cannot be read"), message);
        assertTrue(message.contains("line 3, column 'date': '2024-02-31' is not a date"), message);
        assertTrue(message.contains("line 4, column 'amount': 'twelve' is not a number"), message);
        assertTrue(message.contains("--skip-bad-lines"), message);
        assertFalse(message.contains(",b,") || message.contains("'b'") || message.contains("'c'"), "customer ids must not be in messages: " + message);
    }

    @Test
    void badLinesCanBeSkippedAndAreCounted() throws IOException {
        Path file = new LogFixture().buy("a", "2024-01-05", 10).raw("9,b,not a date,1,3").write(dir.resolve("orders.csv"));
        var result = new TransactionLogReader(LogFixture.COLUMNS, null, true).read(file, null);
        assertEquals(1, result.log().customerCount());
        assertEquals(1, result.summary().badLines());
        assertEquals(3, result.summary().badExamples().get(0).line());
    }

    @Test
    void aMissingColumnListsTheColumnsThereAre() throws IOException {
        Path file = new LogFixture().buy("a", "2024-01-05", 10).write(dir.resolve("orders.csv"));
        var columns = new TransactionColumns("customer_id", "date", "amount", null, null, null, null);
        DataException error = assertThrows(DataException.class, () -> new TransactionLogReader(columns, null, false).read(file, null));
        assertTrue(error.getMessage().contains("'customer_id' not found; the columns are: invoice, customer, date, quantity, amount"),
                error.getMessage());
    }

    @Test
    void aLogWithoutUsableLinesIsAnError() throws IOException {
        Path file = new LogFixture().raw("1,,2024-01-01,1,3").write(dir.resolve("guests.csv"));
        DataException error = assertThrows(DataException.class, () -> LogFixture.read(file));
        assertTrue(error.getMessage().contains("no usable transactions") && error.getMessage().contains("1 without a customer id"),
                error.getMessage());
    }

    @Test
    void aHeaderWithoutLinesIsAnErrorSayingSo() throws IOException {
        Path file = new LogFixture().write(dir.resolve("header-only.csv"));
        DataException error = assertThrows(DataException.class, () -> LogFixture.read(file));
        assertTrue(error.getMessage().contains("header-only.csv") && error.getMessage().contains("no transaction lines after the header"),
                error.getMessage());
    }
}
