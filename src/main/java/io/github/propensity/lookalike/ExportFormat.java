// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.List;
import java.util.Locale;

/**
 * What an audience file looks like: {@code plain} for analysts (ids, similarity, rank, reasons), or a customer list
 * for an ad platform holding only hashed contact details, with the column names that platform's upload expects.
 */
public enum ExportFormat {
    PLAIN(List.of()),
    META(List.of("email", "phone")),
    GOOGLE(List.of("Email", "Phone"));

    private final List<String> contactColumns;

    ExportFormat(List<String> contactColumns) {
        this.contactColumns = contactColumns;
    }

    public List<String> contactColumns() {
        return contactColumns;
    }

    /** Hashed phone digits; Google's Customer Match takes E.164 with the plus sign, Meta digits only. */
    String hashPhone(String digits) {
        return ContactHashing.sha256Hex(this == GOOGLE ? "+" + digits : digits);
    }

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LookalikeInputException(LookalikeField.EXPORT, "the export must be plain, meta or google, got '" + text + "'");
        }
    }
}
