// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the pool comes from and how to read it.
 *
 * @param dropColumns        columns that are not features (outcomes)
 * @param countryCode        country code for the pool's phone numbers written without one
 * @param separator          the delimiter, or empty to detect it
 * @param keepContacts       keep the e-mail and phone columns, which only hashed exports need (they cost memory)
 * @param maxDuplicateShare  rows repeating an earlier id beyond this share of the file fail the load
 */
public record PoolSource(Path file, String idColumn, List<String> dropColumns, String emailColumn, String phoneColumn,
                         String countryCode, Optional<Character> separator, boolean keepContacts, double maxDuplicateShare) {
    /** The same tolerance as batch scoring's bad rows: 0.1 %. */
    public static final double DEFAULT_MAX_DUPLICATE_SHARE = 0.001;

    public PoolSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(emailColumn, "emailColumn");
        Objects.requireNonNull(phoneColumn, "phoneColumn");
        Objects.requireNonNull(separator, "separator");
        dropColumns = List.copyOf(dropColumns);
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new LookalikeInputException(LookalikeField.COUNTRY_CODE, "the default country code is 1 to 3 digits, e.g. 1 or 44");
        }
        if (!(maxDuplicateShare >= 0 && maxDuplicateShare <= 1)) {
            throw new IllegalArgumentException("the share of repeated ids allowed must be in [0, 1]");
        }
    }

    /** A pool with the usual contact column names, country code 1 and a detected delimiter. */
    public static PoolSource of(Path file, String idColumn, List<String> dropColumns, boolean keepContacts) {
        return new PoolSource(file, idColumn, dropColumns, "email", "phone", "1", Optional.empty(), keepContacts,
                DEFAULT_MAX_DUPLICATE_SHARE);
    }
}
