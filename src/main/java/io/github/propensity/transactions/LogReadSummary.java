// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.time.LocalDate;
import java.util.List;

/**
 * What reading a transaction log found, for the user and for the feature file's provenance.
 *
 * @param lines            data lines read (header excluded)
 * @param usedLines        lines that became part of an order
 * @param withoutCustomer  lines with no customer id (guest checkouts), left out
 * @param returnLines      lines that are returns or cancellations
 * @param badLines         lines left out because a date or number could not be read
 * @param badExamples      the first few of them, with line and column
 * @param dateFormat       the date pattern used (given or detected)
 */
public record LogReadSummary(String file, String sha256, long lines, long usedLines, long withoutCustomer, long returnLines,
                             long badLines, List<BadTransactionLine> badExamples, String dateFormat, boolean dateFormatDetected,
                             LocalDate firstDate, LocalDate lastDate, int customers, int orders) {
    public LogReadSummary {
        badExamples = List.copyOf(badExamples);
    }
}
