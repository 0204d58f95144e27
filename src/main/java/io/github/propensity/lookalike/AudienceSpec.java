// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.Objects;
import java.util.Set;

/**
 * What audience to build, wherever the request comes from.
 *
 * @param suppress     ids never to include (opt-outs); empty for none
 * @param minSeed      fewer matched seed members than this is an error
 * @param holdoutShare share of the seed held out to measure the audience's quality
 * @param randomSeed   seed for the holdout and the fits; the same inputs and seed give the same audience
 */
public record AudienceSpec(AudienceSize size, boolean includeSeed, Set<String> suppress, ExportFormat export,
                           int minSeed, double holdoutShare, long randomSeed) {
    /** The share of the seed every run holds out. */
    public static final double HOLDOUT_SHARE = 0.2;

    public AudienceSpec {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(export, "export");
        suppress = Set.copyOf(suppress);
        if (minSeed < 2) {
            throw new LookalikeInputException(LookalikeField.MIN_SEED, "the minimum seed size must be at least 2");
        }
        if (!(holdoutShare > 0 && holdoutShare < 0.5)) {
            throw new IllegalArgumentException("the seed holdout share must be in (0, 0.5)");
        }
    }
}
