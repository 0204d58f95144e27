// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small transaction logs written line by line for tests: invoice, customer, date, quantity, amount. */
final class LogFixture {
    static final TransactionColumns COLUMNS = new TransactionColumns("customer", "date", "amount", "quantity", null, "invoice", "C");

    private final List<String> lines = new ArrayList<>(List.of("invoice,customer,date,quantity,amount"));
    private int invoice = 1000;

    LogFixture buy(String customer, String date, double amount) {
        return line(Integer.toString(invoice++), customer, date, 1, amount);
    }

    LogFixture line(String invoiceNumber, String customer, String date, double quantity, double amount) {
        lines.add(invoiceNumber + "," + customer + "," + date + "," + quantity + "," + amount);
        return this;
    }

    LogFixture raw(String line) {
        lines.add(line);
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Path write(Path file) throws IOException {
        return Files.write(file, lines);
    }

    static TransactionLog read(Path file) {
        return new TransactionLogReader(COLUMNS, null, false).read(file, null).log();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
