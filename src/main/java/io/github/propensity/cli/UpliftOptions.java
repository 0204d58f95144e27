// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.cli;

import io.github.propensity.data.DataException;
import io.github.propensity.scoring.CampaignModel;
import io.github.propensity.uplift.CampaignName;
import io.github.propensity.uplift.UpliftBundle;
import io.github.propensity.uplift.UpliftStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --uplift CAMPAIGN,...} or {@code --no-uplift}: the uplift models a rescoring run scores, shared by {@code score}
 * and the Spark job's {@code rescore}, which load them here (the uplift store lives beside the scoring package).
 */
public final class UpliftOptions {
    @Option(names = "--uplift", split = ",", paramLabel = "CAMPAIGN", required = true,
            description = "score only these campaigns' uplift models, comma-separated; each must have a current model and the base its "
                    + "input columns (default: every campaign with a current uplift model, skipping those the base cannot feed)")
    List<String> campaigns;

    @Option(names = "--no-uplift", required = true, description = "score no uplift model")
    boolean none;

    /**
     * The campaigns to score from {@code models}: every one with a current model when neither option was given
     * ({@code options} null, as picocli leaves an absent group), the named ones, or none.
     *
     * @throws IllegalArgumentException naming a campaign name that is not one (a usage error)
     * @throws DataException            naming a campaign without a current model
     */
    public static List<CampaignModel> campaigns(UpliftOptions options, Path models) {
        if (options != null && options.none) {
            return List.of();
        }
        UpliftStore store = new UpliftStore(models);
        List<CampaignModel> chosen = new ArrayList<>();
        if (options == null) {
            for (String campaign : store.campaignsWithCurrent()) {
                chosen.add(load(store, campaign, CampaignModel.Selection.FOUND));
            }
            return chosen;
        }
        for (String campaign : options.campaigns) {
            if (!CampaignName.isValid(campaign)) {
                throw new IllegalArgumentException("--uplift: '" + campaign + "' is not a campaign name (lower-case letters, digits and hyphens)");
            }
            if (store.currentVersion(campaign).isEmpty()) {
                List<String> known = store.campaignsWithCurrent();
                throw new DataException("--uplift names campaign '" + campaign + "', which has no current uplift model in " + models
                        + (known.isEmpty() ? "; train one with: propensity uplift train --campaign " + campaign + " ..."
                        : "; campaigns with one: " + String.join(", ", known)));
            }
            chosen.add(load(store, campaign, CampaignModel.Selection.NAMED));
        }
        return chosen;
    }

    private static CampaignModel load(UpliftStore store, String campaign, CampaignModel.Selection selection) {
        UpliftBundle bundle = store.loadCurrent(campaign);
        return new CampaignModel(campaign, bundle.version(), bundle.model(), selection);
    }
}
