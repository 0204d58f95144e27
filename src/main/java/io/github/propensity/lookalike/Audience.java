// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A built audience in memory: the header and rows of the audience file (plain or hashed platform columns) and its
 * quality card. Front ends decide where it goes; {@link #writeCsv} is the one CSV rendering they share.
 */
public record Audience(List<String> header, List<List<String>> rows, LookalikeCard card) {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    public Audience {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        Objects.requireNonNull(card, "card");
    }

    /** Writes header and rows as RFC 4180 CSV with LF line ends; flushes but does not close {@code out}. */
    public void writeCsv(Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSV);
        printer.printRecord(header);
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }
}
