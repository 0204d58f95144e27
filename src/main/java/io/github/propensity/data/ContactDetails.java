// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.data;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognizes columns of e-mail addresses and phone numbers. They are personal data, not customer traits: a model
 * must not learn from them, and their values must not reach a model file or a log. A column of unique addresses is
 * excluded as near-unique anyway; this catches the rest (shared household phones, a switchboard number, a few
 * thousand distinct numbers in a base of millions), whatever the row count.
 */
final class ContactDetails {
    /** At least this share of the present values must look like contact details. */
    static final double SHARE = 0.9;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits with the usual separators and an optional leading +, 7 to 15 digits (E.164's maximum). */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9()][0-9() .\\-/]{5,22}[0-9]");

    private ContactDetails() {
    }

    /** The exclusion reason when the column's values (with their counts) are mostly e-mail addresses or phone numbers. */
    static String exclusion(Map<String, Integer> counts, int present) {
        if (present == 0) {
            return null;
        }
        long emails = 0;
        long phones = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String value = entry.getKey();
            if (EMAIL.matcher(value).matches()) {
                emails += entry.getValue();
            } else if (isPhone(value)) {
                phones += entry.getValue();
            }
        }
        if (emails >= SHARE * present) {
            return "e-mail addresses: contact details are personal data, not features";
        }
        if (phones >= SHARE * present) {
            return "phone numbers: contact details are personal data, not features";
        }
        return null;
    }

    private static boolean isPhone(String value) {
        if (!PHONE.matcher(value).matches()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            digits += Character.isDigit(value.charAt(i)) ? 1 : 0;
        }
        return digits >= 7 && digits <= 15;
    }
}
