// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.model.UpliftModel;

import java.util.Objects;

/**
 * A campaign's current uplift model, loaded by the caller (the uplift store lives beside this package, so scoring
 * receives models rather than reading them), and how it came to be in the run.
 *
 * @param campaign  the campaign's name: the prefix of its columns in the scores file and its key in segment rules
 * @param version   the model version, recorded in the manifest
 * @param selection whether the user asked for it by name or the run found it in the store
 */
public record CampaignModel(String campaign, String version, UpliftModel model, Selection selection) {
    public CampaignModel {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(selection, "selection");
    }

    /**
     * Decides what a base without the model's input columns means: a campaign the user named is an error, one only
     * found in the store is skipped with a warning, so a new campaign model never breaks an unchanged weekly job.
     */
    public enum Selection {
        /** Named by the user (score --uplift). */
        NAMED,
        /** Found with a current model in the store. */
        FOUND
    }
}
