// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.scoring;

import io.github.propensity.data.DataException;
import io.github.propensity.features.MissingFeatureColumnsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaigns a rescoring run scores, each prepared for the base's header, and those it skipped. A campaign whose
 * input columns the base lacks is refused when the user named it and skipped with one warning when it was only found
 * in the store ({@link CampaignModel.Selection}).
 *
 * @param skipped campaign to why it was not scored
 */
record CampaignsInRun(List<PreparedUplift> scored, Map<String, String> skipped, boolean any) {
    private static final Logger log = LoggerFactory.getLogger(CampaignsInRun.class);

    CampaignsInRun {
        scored = List.copyOf(scored);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** @param data the base, named in the error about a named campaign it cannot feed */
    static CampaignsInRun prepare(Path data, List<CampaignModel> campaigns, List<String> header) {
        List<PreparedUplift> scored = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (CampaignModel campaign : campaigns) {
            try {
                scored.add(PreparedUplift.forHeader(campaign, header));
            } catch (MissingFeatureColumnsException e) {
                String missing = String.join(", ", e.columns());
                switch (campaign.selection()) {
                    case NAMED -> throw DataException.inFile(data, "uplift campaign '" + campaign.campaign() + "' (model "
                            + campaign.version() + ") reads column" + (e.columns().size() == 1 ? " " : "s ") + missing
                            + ", which the base lacks; add " + (e.columns().size() == 1 ? "it" : "them") + " or leave the campaign out of --uplift");
                    case FOUND -> {
                        log.warn("uplift campaign '{}' is not scored: the base lacks its input column(s) {}", campaign.campaign(), missing);
                        skipped.put(campaign.campaign(), "the base lacks column" + (e.columns().size() == 1 ? " " : "s ") + missing);
                    }
                }
            }
        }
        for (PreparedUplift uplift : scored) {
            log.info("scoring uplift of campaign '{}' with model {}", uplift.campaign(), uplift.version());
        }
        return new CampaignsInRun(scored, skipped, !campaigns.isEmpty());
    }

    /** The scored campaigns' names, in the order of their columns. */
    List<String> names() {
        return scored.stream().map(PreparedUplift::campaign).toList();
    }

    /** The manifest's record of the scored campaigns; null when the run had no uplift model, so its manifest is as before. */
    Map<String, SnapshotManifest.CampaignUsed> used() {
        if (!any) {
            return null;
        }
        Map<String, SnapshotManifest.CampaignUsed> used = new LinkedHashMap<>();
        for (PreparedUplift uplift : scored) {
            used.put(uplift.campaign(), new SnapshotManifest.CampaignUsed(uplift.version(), uplift.model().strategy().id(),
                    uplift.model().groups().margin(), uplift.model().groups().controlRate(), uplift.model().groups().direction().id()));
        }
        return used;
    }

    /** The skipped campaigns for the manifest; null when none was skipped. */
    Map<String, String> skippedOrNull() {
        return skipped.isEmpty() ? null : skipped;
    }
}
