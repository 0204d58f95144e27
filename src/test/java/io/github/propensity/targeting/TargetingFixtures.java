// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small snapshots written by hand: a scores file with churn and purchase probabilities and, optionally, CLVs. */
public final class TargetingFixtures {
    private TargetingFixtures() {
    }

    /** One customer of a fixture snapshot; {@code clv} null for an empty cell. */
    public record Customer(String id, double churn, double purchase, Double clv) {
    }

    /**
     * Customers with probabilities and CLVs from {@code seed}: every 17th without a CLV, every 5th a twin of the one
     * before (same churn probability and CLV), so that net values tie.
     */
    public static List<Customer> customers(int count, long seed) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Double clv = i % 17 == 3 ? null : 25.0 * random.nextInt(40);
            double churn = Math.round(random.nextDouble() * 1000) / 1000.0;
            if (i % 5 == 4 && customers.get(i - 1).clv() != null) {
                churn = customers.get(i - 1).churn();
                clv = customers.get(i - 1).clv();
            }
            customers.add(new Customer(String.format("C%05d", i), churn, Math.round(random.nextDouble() * 1000) / 1000.0, clv));
        }
        return customers;
    }

    /** Writes {@code <snapshots>/<name>/} with scores.csv and a manifest, points LATEST at it and returns it. */
    public static Path snapshot(Path snapshots, String name, List<Customer> customers, boolean withClv) throws IOException {
        Path folder = Files.createDirectories(snapshots.resolve(name));
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,segment," + (withClv ? "clv,p_alive,value_band," : "") + "churn_probability,purchase_probability");
        for (Customer customer : customers) {
            String value = withClv ? (customer.clv() == null ? "" : Double.toString(customer.clv())) + ",0.9,," : "";
            lines.add(customer.id() + ",steady," + value + customer.churn() + "," + customer.purchase());
        }
        Files.write(folder.resolve("scores.csv"), lines, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("manifest.json"), "{\"snapshot\": \"" + name + "\"}");
        Files.writeString(folder.resolve("segments.json"), "{\"customers\": " + customers.size() + ", \"segments\": {\"steady\": "
                + customers.size() + "}, \"bands\": {}}");
        Files.writeString(snapshots.resolve("LATEST"), name + "\n");
        return folder;
    }
}
