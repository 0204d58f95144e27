// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.scoring.SnapshotManifest;
import io.github.propensity.storage.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The direction a campaign's uplift model was trained with, as the snapshot that scored it records it
 * ({@code manifest.json}: {@code uplift.<campaign>.outcome}). It decides the sign of the gain unless the user states
 * one: a purchase campaign targeted for churn customers is still a purchase campaign, so the task is only the
 * fallback for snapshots scored before the direction was recorded.
 */
final class CampaignDirection {
    private static final Logger log = LoggerFactory.getLogger(CampaignDirection.class);

    private CampaignDirection() {
    }

    /** {@code request} with the recorded direction when the user stated none; a stated one that differs is warned about. */
    static TargetingRequest resolve(Path snapshot, TargetingRequest request) {
        if (!(request.effect() instanceof ContactEffect.Uplift uplift)) {
            return request;
        }
        Optional<OutcomeDirection> recorded = recorded(snapshot, uplift.campaign());
        if (recorded.isEmpty()) {
            if (!uplift.stated()) {
                log.warn("the snapshot does not record the direction of campaign {}'s outcome; taking the {} task's: {}", uplift.campaign(),
                        request.task(), uplift.outcome());
            }
            return request;
        }
        if (uplift.stated()) {
            if (recorded.get() != uplift.outcome()) {
                log.warn("campaign {}'s model was trained with an {} outcome; reading its uplift as {} as asked", uplift.campaign(),
                        recorded.get(), uplift.outcome());
            }
            return request;
        }
        return new TargetingRequest(request.task(), request.offerCost(), uplift.withOutcome(recorded.get()), request.limit());
    }

    private static Optional<OutcomeDirection> recorded(Path snapshot, String campaign) {
        Path manifest = snapshot.resolve(SnapshotManifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode outcome = JsonMappers.standard().readTree(manifest.toFile()).path("uplift").path(campaign).path("outcome");
            return outcome.isTextual() ? Optional.of(OutcomeDirection.parse(outcome.asText())) : Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("cannot read the direction of campaign {} from {}: {}", campaign, manifest, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
