// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Normalization as the platforms document it, and SHA-256 checked against vectors computed independently
 * ({@code printf '%s' test@example.com | sha256sum}).
 */
class ContactHashingTest {
    @Test
    void emailsAreTrimmedAndLowerCasedBeforeHashing() {
        assertEquals("test@example.com", ContactHashing.normalizeEmail("  Test@Example.COM "));
        assertEquals("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b",
                ContactHashing.sha256Hex(ContactHashing.normalizeEmail(" TEST@example.com")));
        assertNull(ContactHashing.normalizeEmail("not an address"));
        assertNull(ContactHashing.normalizeEmail(""));
    }

    @Test
    void phonesBecomeDigitsWithTheCountryCode() {
        assertEquals("12125550134", ContactHashing.normalizePhoneDigits("(212) 555-0134", "1"));
        assertEquals("12125550134", ContactHashing.normalizePhoneDigits("+1 212-555-0134", "1"));
        assertEquals("12125550134", ContactHashing.normalizePhoneDigits("212.555.0134", "1"));
        assertEquals("12125550134", ContactHashing.normalizePhoneDigits("1-212-555-0134", "1"));
        assertEquals("442079460000", ContactHashing.normalizePhoneDigits("020 7946 0000", "44"));
        assertEquals("442079460000", ContactHashing.normalizePhoneDigits("0044 20 7946 0000", "1"));
        assertNull(ContactHashing.normalizePhoneDigits("555", "1"));
    }

    @Test
    void metaHashesDigitsAndGoogleHashesTheE164Form() {
        assertEquals("07bf37368d7df24ef80022856c822ebb1a45178d91ee42e057d69ca275927c6d", ExportFormat.META.hashPhone("12125550134"));
        assertEquals("253f19c09c76809aa11945560a9b8ec066b80858ce80523dff738740c6d552e3", ExportFormat.GOOGLE.hashPhone("12125550134"));
    }
}
