// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.TableEncoding;

import java.nio.file.Path;

/** Scores a campaign's results with a stored uplift model and measures the ranking against what happened. */
public final class UpliftEvaluator {
    private UpliftEvaluator() {
    }

    public static UpliftEvaluation evaluate(UpliftBundle bundle, Path data, Character separator, UpliftRequest.Arms arms,
                                            LabelSpec label, long seed) {
        CustomerTable table = CustomerTable.read(data, separator);
        CampaignRows campaign = CampaignRows.extract(table, arms, label, false);
        double[][] rows = TableEncoding.encode(table, bundle.model().encoder(), campaign.rows());
        return UpliftEvaluation.of(bundle.model().uplifts(rows), campaign.outcomes(), campaign.treated(), seed);
    }
}
