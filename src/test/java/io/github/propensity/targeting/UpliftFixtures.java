// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.targeting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Snapshots scored with uplift models, written by hand: a clv, the churn and purchase probabilities and, per campaign,
 * {@code <campaign>_uplift} and {@code <campaign>_group} cells written as given, so a test can put anything there.
 */
public final class UpliftFixtures {
    private UpliftFixtures() {
    }

    /** One customer; empty text for an empty cell. */
    public record Customer(String id, String clv, String churn, String uplift, String group) {
    }

    /**
     * Customers from {@code seed}: uplifts from -0.3 to 0.3 in steps of 0.001, CLVs on a grid of 25 (so products
     * tie), every 13th without an uplift, every 19th without a CLV, groups by the classic rule with a 0.01 margin.
     */
    public static List<Customer> customers(int count, long seed) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double uplift = (random.nextInt(601) - 300) / 1000.0;
            String clv = i % 19 == 7 ? "" : Double.toString(25.0 * random.nextInt(40));
            String group = uplift > 0.01 ? "persuadables" : uplift < -0.01 ? "sleeping-dogs" : random.nextBoolean() ? "sure-things" : "lost-causes";
            customers.add(new Customer(String.format("U%05d", i), clv, Double.toString(Math.round(random.nextDouble() * 1000) / 1000.0),
                    i % 13 == 5 ? "" : Double.toString(uplift), i % 13 == 5 ? "" : group));
        }
        return customers;
    }

    /** Writes {@code <snapshots>/<name>/scores.csv} with the {@code campaign}'s columns and a manifest, points LATEST at it. */
    public static Path snapshot(Path snapshots, String name, String campaign, List<Customer> customers) throws IOException {
        Path folder = Files.createDirectories(snapshots.resolve(name));
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,clv,churn_probability,purchase_probability," + campaign + "_uplift," + campaign + "_group");
        for (Customer customer : customers) {
            lines.add(String.join(",", customer.id(), customer.clv(), customer.churn(), "0.5", customer.uplift(), customer.group()));
        }
        Files.write(folder.resolve("scores.csv"), lines, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("manifest.json"), "{\"snapshot\": \"" + name + "\"}");
        Files.writeString(snapshots.resolve("LATEST"), name + "\n");
        return folder;
    }

    /** A customer as a brute force values them: the net value of contacting them. */
    public record Valued(Customer customer, double netValue, double gain) {
    }

    /**
     * Every customer with an uplift and a CLV, valued as sign x uplift x clv - offerCost and sorted best first by a
     * stable sort, so ties keep the file's order: the ranking the planner must reproduce.
     */
    public static List<Valued> bruteForce(List<Customer> customers, int sign, double offerCost) {
        List<Valued> valued = new ArrayList<>();
        for (Customer customer : customers) {
            if (!customer.uplift().isEmpty() && !customer.clv().isEmpty()) {
                double gain = sign * Double.parseDouble(customer.uplift()) * Double.parseDouble(customer.clv());
                valued.add(new Valued(customer, gain - offerCost, gain));
            }
        }
        valued.sort(Comparator.comparingDouble(Valued::netValue).reversed());
        return valued;
    }
}
