// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.SchemaInference;
import io.github.propensity.features.FeatureSchema;
import io.github.propensity.features.FeatureSchemaFitter;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.model.UpliftGroup;
import io.github.propensity.model.UpliftModel;
import io.github.propensity.model.UpliftStrategy;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.TableEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpliftCandidateTest {
    @TempDir
    Path dir;

    @Test
    void everyStrategyAndLearnerFindsTheAffineCustomersAndTheirGroups() {
        Path data = CampaignFiles.write(dir.resolve("c.csv"), 10_000, 0.3, 9);
        CustomerTable table = CustomerTable.read(data, ',');
        CampaignRows campaign = CampaignRows.extract(table, new UpliftRequest.Arms("arm", "offer", "none"), new LabelSpec("visit", "yes"), true);
        FeatureSchema schema = FeatureSchemaFitter.fit(table, SchemaInference.infer(table, campaign.rows(),
                Map.of("visit", "label", "arm", "treatment", "customer_id", "id")), campaign.rows());
        double[][] rows = TableEncoding.encode(table, schema.encoder(), campaign.rows());
        int affinity = table.columnIndex("affinity");
        double controlRate = UpliftCandidate.controlRate(campaign.treated(), campaign.outcomes());
        for (UpliftCandidate candidate : UpliftCandidate.grid(2)) {
            UpliftModel model = candidate.fit(schema, rows, campaign.treated(), campaign.outcomes(),
                    new UpliftCandidate.GroupSettings(0.01, OutcomeDirection.WANTED), 3, 2);
            double high = 0;
            double low = 0;
            double controlResponse = 0;
            int persuadableHigh = 0;
            int highCount = 0;
            int lowCount = 0;
            for (int i = 0; i < rows.length; i++) {
                double uplift = model.uplift(rows[i]);
                assertTrue(uplift >= -1 && uplift <= 1);
                controlResponse += model.controlResponse(rows[i]);
                double a = Double.parseDouble(table.value(campaign.rows()[i], affinity));
                if (a > 0.8) {
                    high += uplift;
                    highCount++;
                    persuadableHigh += model.group(rows[i], uplift) == UpliftGroup.PERSUADABLES ? 1 : 0;
                } else if (a < 0.2) {
                    low += uplift;
                    lowCount++;
                }
            }
            String name = candidate.describe();
            // True uplift: 0.3 x affinity, so about 0.27 above 0.8 and 0.03 below 0.2.
            assertTrue(high / highCount - low / lowCount > 0.1, name + ": " + high / highCount + " vs " + low / lowCount);
            assertTrue(persuadableHigh > 0.8 * highCount, name + ": " + persuadableHigh + " of " + highCount + " persuadable");
            // Without contact everyone responds at 10 %: the model's mean response without contact is close to that.
            assertEquals(controlRate, controlResponse / rows.length, 0.02, name);
            assertEquals(candidate.strategy() != UpliftStrategy.SINGLE_MODEL, model.control() != null, name);
        }
    }
}
