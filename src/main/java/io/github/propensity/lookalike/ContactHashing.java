// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import io.github.propensity.storage.Sha256;

import java.util.Locale;

/**
 * Normalizes and hashes contact details for customer-list uploads, as the ad platforms document it: e-mail trimmed
 * and lower-cased; phone numbers reduced to digits with the country code (E.164), which Google expects with a
 * leading "+" and Meta without; then SHA-256 as lower-case hex. Raw identifiers never leave in these exports.
 */
public final class ContactHashing {
    private ContactHashing() {
    }

    /** Trimmed and lower-cased, or null when there is no plausible address. */
    public static String normalizeEmail(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        return at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1 ? null : email;
    }

    /**
     * Digits with country code, e.g. "(212) 555-0134" with default country 1 becomes "12125550134"; null when too
     * short or long to be a phone number (E.164 allows at most 15 digits).
     */
    public static String normalizePhoneDigits(String raw, String defaultCountryCode) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String number = digits.toString();
        if (trimmed.startsWith("00")) {
            number = number.substring(2);
        }
        if (!international) {
            if (defaultCountryCode.equals("1") && number.length() == 11 && number.startsWith("1")) {
                number = number.substring(1);
            }
            number = defaultCountryCode + number.replaceFirst("^0+", "");
        }
        return number.length() < 8 || number.length() > 15 ? null : number;
    }

    /** SHA-256 of the normalized value's UTF-8 bytes, lower-case hex, as the ad platforms expect. */
    public static String sha256Hex(String normalized) {
        return Sha256.hex(normalized);
    }
}
