// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One scoring run.
 *
 * @param maxBadFraction the run fails when more than this share of rows cannot be scored
 */
public record RescoreRequest(ScoringInput input, ModelChoice models, ScoresDestination destination,
                             SegmentPolicy policy, double maxBadFraction, int threads) {
    public RescoreRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(policy, "policy");
        if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
            throw new IllegalArgumentException("the bad-row threshold must be a share between 0 and 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Every current model, the built-in segments, at most 0.1 % bad rows, on {@code threads} threads. */
    public static RescoreRequest withDefaults(ScoringInput input, Path models, ScoresDestination destination, int threads) {
        return new RescoreRequest(input, ModelChoice.everyCurrent(models), destination, SegmentPolicy.defaults(), 0.001, threads);
    }

    public Path data() {
        return input.data();
    }
}
