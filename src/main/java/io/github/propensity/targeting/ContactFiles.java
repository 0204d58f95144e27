// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import io.github.propensity.data.Decimals;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** The contact list and the profit curve as CSV, for the command's files and the API's text/csv answer. */
public final class ContactFiles {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    /** Money to the cent. */
    private static final int MONEY_PLACES = 2;

    private ContactFiles() {
    }

    /** A sink writing the list to {@code out} (flushed by {@link CsvList#flush}, never closed). */
    public static CsvList csvList(Writer out) {
        try {
            return new CsvList(new CSVPrinter(out, CSV));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the curve: customers contacted, share of the valued customers, expected net and saved value (with uplift,
     * the incremental value the contacts bring), cost.
     */
    public static void writeCurve(List<CurvePoint> curve, long valued, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSV);
        printer.printRecord("customers_contacted", "share_of_valued_customers", "expected_net_value", "expected_saved_value", "cost");
        for (CurvePoint point : curve) {
            printer.printRecord(point.customers(), Decimals.format(valued == 0 ? 0 : (double) point.customers() / valued, 4),
                    money(point.expectedNetValue()), money(point.expectedSavedValue()), money(point.cost()));
        }
        printer.flush();
    }

    static String money(double amount) {
        return Decimals.format(amount, MONEY_PLACES);
    }

    /** The list as CSV rows. */
    public static final class CsvList implements ContactSink {
        private final CSVPrinter printer;

        private CsvList(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void header(List<String> columns) {
            try {
                printer.printRecord(columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void contact(long rank, String id, String[] cells, double netValue, double cumulativeNetValue) {
            try {
                printer.print(rank);
                printer.print(id);
                for (String cell : cells) {
                    printer.print(cell);
                }
                printer.print(money(netValue));
                printer.print(money(cumulativeNetValue));
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void flush() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
