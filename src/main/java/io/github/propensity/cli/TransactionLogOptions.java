// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.transactions.TransactionColumns;
import io.github.propensity.transactions.TransactionDates;
import io.github.propensity.transactions.TransactionLogReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that say how to read a transaction log, the same for every command that reads one ({@code features},
 * {@code value fit}): the file, which columns hold what, the date format and what to do with unreadable lines.
 */
final class TransactionLogOptions {
    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "transaction log: a CSV (.csv or .csv.gz), a .parquet file or a folder of Parquet parts; one row per order or order line")
    Path transactions;

    @Option(names = "--customer", required = true, paramLabel = "COLUMN", description = "customer id column; lines without one are left out and counted")
    String customer;

    @Option(names = "--date", required = true, paramLabel = "COLUMN", description = "order date column (a time of day may follow)")
    String date;

    @Option(names = "--amount", paramLabel = "COLUMN", description = "line value column; negative values are returns")
    String amount;

    @Option(names = "--quantity", paramLabel = "COLUMN", description = "items column (gives basket size); negative quantities are returns")
    String quantity;

    @Option(names = "--price", paramLabel = "COLUMN", description = "unit price column, when there is no --amount: value = quantity x price")
    String price;

    @Option(names = "--invoice", paramLabel = "COLUMN", description = "order/invoice number column; without it one customer's lines of one day are one order")
    String invoice;

    @Option(names = "--cancel-prefix", paramLabel = "TEXT", description = "invoice numbers starting with this mark cancellations (e.g. C); needs --invoice")
    String cancelPrefix;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "date pattern such as dd/MM/yyyy HH:mm (default: detected)")
    String dateFormat;

    @CommandLine.Mixin
    SeparatorOption separator;

    @Option(names = "--skip-bad-lines", description = "leave out lines whose date or numbers cannot be read (counted) instead of stopping")
    boolean skipBadLines;

    /** A reader for these options; a contradiction among them is a usage error on {@code commandLine}. */
    TransactionLogReader reader(CommandLine commandLine) {
        try {
            TransactionColumns columns = new TransactionColumns(customer, date, amount, quantity, price, invoice, cancelPrefix);
            if (dateFormat != null) {
                TransactionDates.ofPattern(dateFormat);
            }
            return new TransactionLogReader(columns, dateFormat, skipBadLines);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
