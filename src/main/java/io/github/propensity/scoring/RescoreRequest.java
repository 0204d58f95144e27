// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scoring run.
 *
 * @param maxBadFraction the run fails when more than this share of rows cannot be scored
 * @param campaigns      the uplift models to score, in the order of their columns; empty for none
 * @param personas       the persona model to assign customers with; empty for none
 */
public record RescoreRequest(ScoringInput input, ModelChoice models, ScoresDestination destination,
                             SegmentPolicy policy, double maxBadFraction, int threads, List<CampaignModel> campaigns,
                             Optional<PersonaChoice> personas) {
    /** A run without a persona model. */
    public RescoreRequest(ScoringInput input, ModelChoice models, ScoresDestination destination, SegmentPolicy policy,
                          double maxBadFraction, int threads, List<CampaignModel> campaigns) {
        this(input, models, destination, policy, maxBadFraction, threads, campaigns, Optional.empty());
    }

    /** A run without uplift models. */
    public RescoreRequest(ScoringInput input, ModelChoice models, ScoresDestination destination, SegmentPolicy policy,
                          double maxBadFraction, int threads) {
        this(input, models, destination, policy, maxBadFraction, threads, List.of());
    }

    public RescoreRequest {
        campaigns = List.copyOf(campaigns);
        if (campaigns.stream().map(CampaignModel::campaign).distinct().count() != campaigns.size()) {
            throw new IllegalArgumentException("a campaign is named twice");
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(personas, "personas");
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
