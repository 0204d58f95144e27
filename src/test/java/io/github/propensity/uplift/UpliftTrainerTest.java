// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.DataException;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.training.LabelSpec;
import io.github.propensity.training.TableEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpliftTrainerTest {
    private static final UpliftRequest.Arms ARMS = new UpliftRequest.Arms("arm", "offer", "none");
    private static final LabelSpec VISIT = new LabelSpec("visit", "yes");

    @TempDir
    Path dir;

    private UpliftRequest request(Path data, double holdout) {
        return new UpliftRequest("offer-test", data, ',', ARMS, VISIT, "customer_id", List.of(), holdout, 0.01, OutcomeDirection.WANTED, 7, 2);
    }

    @Test
    void learnsWhoTheOfferWorksForAndStoresExactlyThatModel() {
        Path data = CampaignFiles.write(dir.resolve("campaign.csv"), 12_000, 0.3, 1);
        UpliftOutcome outcome = new UpliftTrainer().train(request(data, 0.25));
        UpliftEvaluation holdout = outcome.holdout();
        // The true uplift is 0.3 x affinity: on 3,000 held-out rows a ranking that follows it is clearly better than
        // chance (a random ranking's Qini is 0 on average).
        assertTrue(holdout.qini().low() > 0, "holdout Qini " + holdout.qini());
        assertTrue(holdout.upliftAt30().value() > holdout.averageEffect().value(), "the top 30 % gain more than everyone");
        assertEquals(outcome.counts().compared(), outcome.counts().trainingRows() + outcome.counts().holdoutRows());
        assertTrue(outcome.counts().otherArms() > 0, "the third arm is left out and counted");

        // Predicted uplift follows affinity: the most affine quarter is predicted well above the least affine one.
        CustomerTable table = CustomerTable.read(data, ',');
        CampaignRows rows = CampaignRows.extract(table, ARMS, VISIT, false);
        double[] uplift = outcome.model().uplifts(TableEncoding.encode(table, outcome.model().encoder(), rows.rows()));
        int affinity = table.columnIndex("affinity");
        double high = 0, low = 0;
        int highCount = 0, lowCount = 0;
        for (int i = 0; i < uplift.length; i++) {
            double a = Double.parseDouble(table.value(rows.rows()[i], affinity));
            if (a > 0.75) {
                high += uplift[i];
                highCount++;
            } else if (a < 0.25) {
                low += uplift[i];
                lowCount++;
            }
        }
        assertTrue(high / highCount - low / lowCount > 0.12, "mean uplift " + high / highCount + " vs " + low / lowCount);

        UpliftStore store = new UpliftStore(dir.resolve("models"));
        String version = store.publish(outcome);
        UpliftBundle loaded = store.loadCurrent("offer-test");
        assertEquals(version, loaded.version());
        double[] again = loaded.model().uplifts(TableEncoding.encode(table, loaded.model().encoder(), rows.rows()));
        for (int i = 0; i < uplift.length; i++) {
            assertEquals(uplift[i], again[i], 0.0, "row " + i);
        }
        assertEquals(outcome.model().strategy().id(), loaded.card().path("strategy").asText());
    }

    @Test
    void noEffectGivesAQiniIntervalAroundZero() {
        Path data = CampaignFiles.write(dir.resolve("null.csv"), 8_000, 0.0, 2);
        UpliftOutcome outcome = new UpliftTrainer().train(request(data, 0.3));
        UpliftEvaluation holdout = outcome.holdout();
        assertTrue(holdout.averageEffect().low() < 0 && holdout.averageEffect().high() > 0, "ATE " + holdout.averageEffect());
        assertTrue(holdout.qini().low() < 0.05, "no ranking can be much better than chance: " + holdout.qini());
    }

    @Test
    void refusesCampaignsNoUpliftCanBeLearnedFrom() throws IOException {
        Path data = CampaignFiles.write(dir.resolve("c.csv"), 3_000, 0.3, 3);
        CustomerTable table = CustomerTable.read(data, ',');
        DataException control = assertThrows(DataException.class,
                () -> CampaignRows.extract(table, new UpliftRequest.Arms("arm", "offer", "holdout"), VISIT, true));
        assertTrue(control.getMessage().contains("the control value 'holdout' never occurs") && control.getMessage().contains("'none'"),
                control.getMessage());

        DataException oneArm = assertThrows(DataException.class,
                () -> CampaignRows.extract(table, new UpliftRequest.Arms("region", "north", "south"), new LabelSpec("arm", "offer"), true));
        assertTrue(oneArm.getMessage().contains("not binary"), oneArm.getMessage());

        List<String> lines = Files.readAllLines(data);
        StringBuilder single = new StringBuilder(lines.get(0)).append('\n');
        StringBuilder rare = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            single.append(lines.get(i).replace(",offer,", ",none,").replace(",other,", ",none,")).append('\n');
            rare.append(i % 200 == 0 ? lines.get(i) : lines.get(i).replace(",offer,", ",none,")).append('\n');
        }
        Path singleFile = Files.writeString(dir.resolve("single.csv"), single);
        DataException singleArm = assertThrows(DataException.class,
                () -> CampaignRows.extract(CustomerTable.read(singleFile, ','), ARMS, VISIT, true));
        assertTrue(singleArm.getMessage().contains("holds a single value"), singleArm.getMessage());
        Path rareFile = Files.writeString(dir.resolve("rare.csv"), rare);
        DataException tooFew = assertThrows(DataException.class, () -> CampaignRows.extract(CustomerTable.read(rareFile, ','), ARMS, VISIT, true));
        assertTrue(tooFew.getMessage().contains("treated arm 'offer' holds"), tooFew.getMessage());

        String third = Files.readString(data).replaceFirst(",(yes|no)\n", ",maybe\n");
        Path thirdFile = Files.writeString(dir.resolve("third.csv"), third);
        DataException notBinary = assertThrows(DataException.class, () -> CampaignRows.extract(CustomerTable.read(thirdFile, ','), ARMS, VISIT, true));
        assertTrue(notBinary.getMessage().contains("not binary") && notBinary.getMessage().contains("'maybe'"), notBinary.getMessage());
    }
}
