// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.model.OutcomeDirection;
import io.github.propensity.training.LabelSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A campaign run on a generated base, for tests that score that base: the results file holds the base's own
 * plan, tenure, sessions and e-mail open rate, a random 50/50 arm and a response that the e-mail lifts with the
 * open rate and lowers for premium customers, so all four uplift groups occur.
 */
public final class UpliftFixtures {
    public static final List<String> FEATURES = List.of("plan", "tenure_days", "sessions_30d", "email_open_rate");

    private UpliftFixtures() {
    }

    /** Trains a model on the campaign file made from {@code base} and publishes it as {@code campaign}'s current one. */
    public static UpliftBundle publishFromBase(Path base, Path models, String campaign, long seed) {
        Path results = campaignFromBase(base, models.resolveSibling(campaign + "-results.csv"), seed);
        UpliftRequest request = new UpliftRequest(campaign, results, ',', new UpliftRequest.Arms("arm", "email", "none"),
                new LabelSpec("responded", "yes"), "customer_id", List.of(), 0.0, 0.01, OutcomeDirection.WANTED, seed, 2);
        UpliftStore store = new UpliftStore(models);
        String version = store.publish(new UpliftTrainer().train(request));
        return store.load(campaign, version);
    }

    public static Path campaignFromBase(Path base, Path out, long seed) {
        CustomerTable table = CustomerTable.read(base, null);
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("customer_id," + String.join(",", FEATURES) + ",arm,responded\n");
        int[] columns = FEATURES.stream().mapToInt(table::columnIndex).toArray();
        int plan = table.columnIndex("plan");
        int openRate = table.columnIndex("email_open_rate");
        for (int row = 0; row < table.rowCount(); row++) {
            boolean emailed = random.nextBoolean();
            String rate = table.value(row, openRate);
            double p = 0.1;
            if (emailed) {
                p += 0.3 * (rate.isEmpty() ? 0 : Double.parseDouble(rate)) - (table.value(row, plan).equals("premium") ? 0.08 : 0);
            }
            csv.append(table.value(row, table.columnIndex("customer_id")));
            for (int column : columns) {
                csv.append(',').append(table.value(row, column));
            }
            csv.append(emailed ? ",email," : ",none,").append(random.nextDouble() < Math.max(p, 0.01) ? "yes" : "no").append('\n');
        }
        try {
            Files.writeString(out, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
