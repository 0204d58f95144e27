// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a transaction log hold what. A line's value is {@code amount}, or {@code quantity × price} when
 * the log has unit prices instead (as invoice-line exports do).
 *
 * @param customer     customer id; lines without one (guest checkouts) are counted and left out
 * @param date         order date (a time of day may follow)
 * @param amount       value of the line, null when quantity and price give it
 * @param quantity     items on the line, null if unknown (then basket size is not computed)
 * @param price        unit price, null when {@code amount} is given
 * @param invoice      order or invoice number, null to treat one customer's lines of one day as one order
 * @param cancelPrefix invoice numbers starting with this mark cancellations (e.g. "C"), null for none
 */
public record TransactionColumns(String customer, String date, String amount, String quantity, String price,
                                 String invoice, String cancelPrefix) {
    public TransactionColumns {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("the customer id column is required (--customer)");
        }
        if (date == null || date.isBlank()) {
            throw new IllegalArgumentException("the date column is required (--date)");
        }
        if (amount == null && (quantity == null || price == null)) {
            throw new IllegalArgumentException("give the line value with --amount, or with --quantity and --price");
        }
        if (amount != null && price != null) {
            throw new IllegalArgumentException("give --amount or --price, not both: with a price the value is quantity × price");
        }
        if (cancelPrefix != null && cancelPrefix.isEmpty()) {
            cancelPrefix = null;
        }
        if (cancelPrefix != null && invoice == null) {
            throw new IllegalArgumentException("--cancel-prefix needs the invoice column (--invoice)");
        }
    }

    /** The named columns, in a stable order, for checking them against a header. */
    public List<String> named() {
        List<String> names = new ArrayList<>(List.of(customer, date));
        for (String optional : new String[]{amount, quantity, price, invoice}) {
            if (optional != null) {
                names.add(optional);
            }
        }
        return names;
    }
}
