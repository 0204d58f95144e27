// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One audience to build.
 *
 * @param valueColumn  seed column whose values weight the seed members (null: all equal)
 * @param suppress     a file of ids never to include (opt-outs), or null
 * @param minSeed      fewer matched seed members than this is an error
 * @param holdoutShare share of the seed held out to measure the audience's quality
 */
public record LookalikeRequest(Path seed, Path pool, String idColumn, AudienceSize size, Path out, String valueColumn,
                               Path suppress, boolean includeSeed, ExportFormat export, List<String> dropColumns,
                               String emailColumn, String phoneColumn, String countryCode, Character separator,
                               int minSeed, double holdoutShare, long randomSeed) {
    public LookalikeRequest {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(export, "export");
        dropColumns = List.copyOf(dropColumns);
        if (minSeed < 2) {
            throw new IllegalArgumentException("the minimum seed size must be at least 2");
        }
        if (!(holdoutShare > 0 && holdoutShare < 0.5)) {
            throw new IllegalArgumentException("the seed holdout share must be in (0, 0.5)");
        }
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("the default country code is 1 to 3 digits, e.g. 1 or 44");
        }
    }
}
