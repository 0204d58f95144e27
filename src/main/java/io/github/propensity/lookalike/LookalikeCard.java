// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.lookalike;

import java.util.List;

/**
 * {@code lookalike-card.json}: the audience's provenance and its measured quality. Quality is measured every run:
 * part of the seed is held out, the audience is built from the rest, and the held-out members' positions in the
 * pool ranking show how well each method finds customers like the seed.
 *
 * @param poolDuplicates pool rows skipped because they repeat an earlier row's id
 */
public record LookalikeCard(String seedFile, String poolFile, int seedRows, int seedMatched, int seedUnmatched,
                            long poolRows, long poolDuplicates, long suppressed, String size, long audienceRows, boolean includeSeed,
                            String export, boolean valueWeighted, List<MethodQuality> methods, String chosen,
                            String reason, double seconds) {
    public LookalikeCard {
        methods = List.copyOf(methods);
    }

    /** Held-out seed recall (0-1) in the top 1, 5 and 10 % of the pool, and at the requested size, with lift over random. */
    public record MethodQuality(String method, int heldOut, double recallTop1, double recallTop5, double recallTop10,
                                double recallAtSize, double liftTop10) {
    }
}
