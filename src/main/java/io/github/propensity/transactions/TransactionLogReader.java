// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.data.RecordSource;
import io.github.propensity.data.DataException;
import io.github.propensity.data.MissingValues;
import io.github.propensity.data.NumericValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a transaction log CSV into orders. Lines without a customer id are guest checkouts, counted and left out.
 * A line whose date or number cannot be read is an error naming its line and column; with {@code skipBadLines}
 * such lines are left out and counted instead, so a few garbled lines need not stop a weekly job.
 *
 * <p>A line is a <em>return</em> when its quantity or value is negative or its invoice number carries the
 * cancellation mark; its value counts as returned, never as bought.
 */
public final class TransactionLogReader {
    private static final Logger log = LoggerFactory.getLogger(TransactionLogReader.class);
    private static final int DATE_SAMPLE = 1000;
    private static final int BAD_EXAMPLES = 10;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final TransactionColumns columns;
    private final String dateFormat;
    private final boolean skipBadLines;

    /** @param dateFormat date pattern, null to detect it */
    public TransactionLogReader(TransactionColumns columns, String dateFormat, boolean skipBadLines) {
        this.columns = columns;
        this.dateFormat = dateFormat;
        this.skipBadLines = skipBadLines;
    }

    /** The log and what reading it found. */
    public record Result(TransactionLog log, LogReadSummary summary) {
    }

    public Result read(Path file, Character separator) {
        try (RecordSource reader = RecordSource.open(file, separator)) {
            long fileSize = reader.totalBytes();
            Indices at = Indices.of(reader.header(), columns, file);
            List<String[]> head = new ArrayList<>();
            List<Long> headLines = new ArrayList<>();
            for (String[] record; head.size() < DATE_SAMPLE && (record = reader.next()) != null; ) {
                head.add(record);
                headLines.add(reader.lineNumber());
            }
            if (head.isEmpty()) {
                throw DataException.inFile(file, "no transaction lines after the header");
            }
            boolean detected = dateFormat == null;
            TransactionDates dates = detected ? detect(head, at, file) : TransactionDates.ofPattern(dateFormat);
            OrderAccumulator orders = new OrderAccumulator(columns.quantity() != null);
            Counts counts = new Counts();
            for (int i = 0; i < head.size(); i++) {
                readLine(head.get(i), headLines.get(i), at, dates, orders, counts);
            }
            long lastProgress = System.nanoTime();
            for (String[] record; (record = reader.next()) != null; ) {
                readLine(record, reader.lineNumber(), at, dates, orders, counts);
                if ((counts.lines & 0xFFFF) == 0 && System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = System.nanoTime();
                    log.info("read {} lines, {}% of {}", counts.lines, fileSize > 0 ? 100 * reader.bytesRead() / fileSize : 0,
                            file.getFileName());
                }
            }
            if (counts.badLines > 0 && !skipBadLines) {
                throw new DataException(file.getFileName() + ": " + counts.badLines + " line(s) cannot be read; "
                        + counts.badExamples.stream().map(BadTransactionLine::describe).collect(Collectors.joining("; "))
                        + (counts.badLines > counts.badExamples.size() ? "; ..." : "")
                        + ". Fix them, or pass --skip-bad-lines to leave them out (they are counted in the feature file's metadata)");
            }
            TransactionLog transactionLog = orders.build();
            LogReadSummary summary = new LogReadSummary(file.getFileName().toString(), reader.sha256Hex(), counts.lines,
                    counts.used, counts.withoutCustomer, counts.returns, counts.badLines, counts.badExamples, dates.pattern(),
                    detected, transactionLog.orderCount() == 0 ? null : LocalDate.ofEpochDay(transactionLog.firstDay()),
                    transactionLog.orderCount() == 0 ? null : LocalDate.ofEpochDay(transactionLog.lastDay()),
                    transactionLog.customerCount(), transactionLog.orderCount());
            if (transactionLog.orderCount() == 0) {
                throw DataException.inFile(file, "no usable transactions: " + counts.lines + " lines, " + counts.withoutCustomer
                        + " without a customer id, " + counts.badLines + " unreadable");
            }
            return new Result(transactionLog, summary);
        }
    }

    private TransactionDates detect(List<String[]> head, Indices at, Path file) {
        List<String> sample = head.stream().map(r -> r[at.date]).filter(v -> !MissingValues.isMissing(v)).toList();
        try {
            return TransactionDates.detect(sample, columns.date());
        } catch (TransactionDates.DateFormatUnknownException e) {
            throw DataException.inFile(file, e.getMessage());
        }
    }

    private void readLine(String[] record, long line, Indices at, TransactionDates dates, OrderAccumulator orders, Counts counts) {
        counts.lines++;
        String customer = record[at.customer].strip();
        if (MissingValues.isMissing(customer)) {
            counts.withoutCustomer++;
            return;
        }
        String dateCell = record[at.date];
        int day = MissingValues.isMissing(dateCell) ? Integer.MIN_VALUE : dates.epochDay(dateCell);
        if (day == Integer.MIN_VALUE) {
            counts.bad(new BadTransactionLine(line, columns.date(), MissingValues.isMissing(dateCell) ? "no date"
                    : "'" + dateCell.strip() + "' is not a date in format " + dates.pattern()));
            return;
        }
        double quantity = Double.NaN;
        if (at.quantity >= 0) {
            quantity = number(record[at.quantity], line, columns.quantity(), counts);
            if (Double.isNaN(quantity)) {
                return;
            }
        }
        double lineValue;
        if (at.amount >= 0) {
            lineValue = number(record[at.amount], line, columns.amount(), counts);
        } else {
            double price = number(record[at.price], line, columns.price(), counts);
            lineValue = quantity * price;
        }
        if (Double.isNaN(lineValue)) {
            return;
        }
        String invoice = at.invoice >= 0 ? record[at.invoice].strip() : null;
        boolean cancelled = invoice != null && columns.cancelPrefix() != null && invoice.startsWith(columns.cancelPrefix());
        boolean isReturn = cancelled || lineValue < 0 || quantity < 0;
        if (isReturn) {
            counts.returns++;
        }
        counts.used++;
        orders.add(customer, invoice, day, Math.abs(lineValue), Double.isNaN(quantity) ? 0 : Math.abs(quantity), isReturn);
    }

    /** The number in a cell, or NaN after recording the line as bad. */
    private static double number(String cell, long line, String column, Counts counts) {
        String stripped = cell.strip();
        Double parsed = MissingValues.isMissing(stripped) ? null : NumericValues.parse(stripped);
        if (parsed == null) {
            counts.bad(new BadTransactionLine(line, column, MissingValues.isMissing(stripped) ? "no value"
                    : "'" + stripped + "' is not a number (use a plain decimal such as 12.50)"));
            return Double.NaN;
        }
        return parsed;
    }


    private static final class Counts {
        long lines;
        long used;
        long withoutCustomer;
        long returns;
        long badLines;
        final List<BadTransactionLine> badExamples = new ArrayList<>();

        void bad(BadTransactionLine line) {
            badLines++;
            if (badExamples.size() < BAD_EXAMPLES) {
                badExamples.add(line);
            }
        }
    }

    /** Column positions in the header; -1 for optional columns not given. */
    private record Indices(int customer, int date, int amount, int quantity, int price, int invoice) {
        static Indices of(List<String> header, TransactionColumns columns, Path file) {
            List<String> missing = columns.named().stream().filter(name -> !header.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw DataException.inFile(file, "column(s) " + missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
                        + " not found; the columns are: " + String.join(", ", header));
            }
            return new Indices(header.indexOf(columns.customer()), header.indexOf(columns.date()), indexOrNone(header, columns.amount()),
                    indexOrNone(header, columns.quantity()), indexOrNone(header, columns.price()), indexOrNone(header, columns.invoice()));
        }

        private static int indexOrNone(List<String> header, String name) {
            return name == null ? -1 : header.indexOf(name);
        }
    }

    /**
     * Groups lines into orders as they stream in. An order is keyed by customer, invoice (none without invoice
     * numbers), day and whether it is a return.
     */
    private static final class OrderAccumulator {
        private static final int MAX_ORDERS = Integer.MAX_VALUE - 8;
        private final boolean hasItems;
        private final Map<String, Integer> customerIndex = new HashMap<>();
        private final List<String> customerIds = new ArrayList<>();
        private final Map<OrderKey, Integer> orderIndex = new HashMap<>();
        private int[] customer = new int[1024];
        private int[] day = new int[1024];
        private double[] value = new double[1024];
        private double[] items = new double[1024];
        private boolean[] isReturn = new boolean[1024];
        private int size;

        OrderAccumulator(boolean hasItems) {
            this.hasItems = hasItems;
        }

        void add(String customerId, String invoice, int lineDay, double lineValue, double lineItems, boolean returned) {
            Integer c = customerIndex.get(customerId);
            if (c == null) {
                c = customerIds.size();
                customerIndex.put(customerId, c);
                customerIds.add(customerId);
            }
            // The day is part of the key even with invoice numbers: an invoice whose lines span days is one order per
            // day, so a line dated after a cut-off never joins an order dated before it.
            OrderKey key = new OrderKey(c, invoice, lineDay, returned);
            Integer order = orderIndex.get(key);
            if (order == null) {
                order = append(c, lineDay, returned);
                orderIndex.put(key, order);
            }
            value[order] += lineValue;
            items[order] += lineItems;
        }

        private int append(int c, int orderDay, boolean returned) {
            if (size == day.length) {
                // Doubling in int wraps negative past 2^30 orders; grow to the largest array Java allows instead.
                int capacity = (int) Math.min(MAX_ORDERS, 2L * size);
                if (capacity == size) {
                    throw new DataException("more than " + MAX_ORDERS + " orders; split the transaction log");
                }
                customer = Arrays.copyOf(customer, capacity);
                day = Arrays.copyOf(day, capacity);
                value = Arrays.copyOf(value, capacity);
                items = Arrays.copyOf(items, capacity);
                isReturn = Arrays.copyOf(isReturn, capacity);
            }
            customer[size] = c;
            day[size] = orderDay;
            isReturn[size] = returned;
            return size++;
        }

        TransactionLog build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            // Sort by customer then day; ties keep reading order, so the result does not depend on hashing.
            Arrays.sort(order, (a, b) -> customer[a] != customer[b] ? Integer.compare(customer[a], customer[b])
                    : day[a] != day[b] ? Integer.compare(day[a], day[b]) : Integer.compare(a, b));
            int[] sortedDay = new int[size];
            double[] sortedValue = new double[size];
            double[] sortedItems = new double[size];
            boolean[] sortedReturn = new boolean[size];
            int[] start = new int[customerIds.size() + 1];
            for (int i = 0; i < size; i++) {
                int o = order[i];
                sortedDay[i] = day[o];
                sortedValue[i] = value[o];
                sortedItems[i] = items[o];
                sortedReturn[i] = isReturn[o];
                start[customer[o] + 1]++;
            }
            for (int c = 0; c < customerIds.size(); c++) {
                start[c + 1] += start[c];
            }
            return new TransactionLog(customerIds.toArray(String[]::new), start, sortedDay, sortedValue, sortedItems,
                    sortedReturn, hasItems);
        }

        private record OrderKey(int customer, String invoice, int day, boolean isReturn) {
        }
    }
}
