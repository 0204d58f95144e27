// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Customers drawn from a few behavioural groups with known membership, for checking that personas recover them.
 * Each group shifts the sample story's latent engagement and value and adds its own support and discount habits;
 * within a group the latents vary a little. The outcomes follow the same churn, purchase and conversion story as
 * {@link SampleGenerator}. Three columns carry no group structure on purpose: {@code tenure_days} drawn uniformly,
 * {@code account_number} (an identifier that slipped into the export) and {@code noise_score} (pure noise), as do
 * the channel, region and device.
 */
public final class PersonaSampleGenerator {
    /** The groups' names, in truth-file order (persona 1 is the first). */
    public static final String[] GROUPS = {"power users", "stalled sign-ups", "support-heavy", "bargain hunters"};
    private static final double[] SHARES = {0.25, 0.30, 0.20, 0.25};
    private static final double[] ENGAGEMENT = {1.4, -1.6, 0.0, 0.3};
    private static final double[] VALUE = {1.2, -1.0, 0.3, -0.3};
    private static final double[] TICKET_SHIFT = {0.0, 0.0, 2.0, 0.0};
    private static final double[] DISCOUNT_SHIFT = {0.0, 0.0, 0.0, 2.0};
    /** Spread of the latents within a group. */
    private static final double WITHIN = 0.3;
    private static final String[] CHANNELS = {"organic", "paid_search", "social", "referral", "email", "affiliate"};
    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};
    private static final String[] DEVICES = {"ios", "android", "web"};

    private final SplittableRandom random;
    private long sequence;

    public PersonaSampleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A customer and the group it was drawn from (1-based). */
    public record PersonaCustomer(GeneratedCustomer customer, int persona, long accountNumber, double noiseScore) {
    }

    public PersonaCustomer next() {
        return next(group());
    }

    /** A customer drawn as a member of {@code group} (0-based), whatever the shares say. */
    public PersonaCustomer next(int group) {
        sequence++;
        String id = String.format(Locale.ROOT, "C%07d", sequence);
        double engagement = ENGAGEMENT[group] + WITHIN * random.nextGaussian();
        double value = VALUE[group] + WITHIN * random.nextGaussian();
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String device = DEVICES[random.nextInt(DEVICES.length)];
        double planScore = value + 0.5 * random.nextGaussian();
        String plan = planScore < -0.33 ? "free" : planScore > 1.05 ? "premium" : "basic";
        boolean paid = !plan.equals("free");
        boolean autoRenew = paid && random.nextDouble() < SampleGenerator.sigmoid(0.4 + 0.8 * engagement);
        int tenureDays = 1 + random.nextInt(2000);
        int sessions30d = RandomDraws.poisson(random, Math.exp(1.8 + 0.7 * engagement));
        int daysSinceLastLogin = (int) Math.min(365, Math.round(RandomDraws.exponential(random, Math.exp(2.0 - 0.9 * engagement))));
        int orders90d = RandomDraws.poisson(random, Math.exp(0.1 + 0.5 * value + 0.4 * engagement + 0.4 * DISCOUNT_SHIFT[group]));
        int orders365d = orders90d + RandomDraws.poisson(random, Math.exp(0.7 + 0.5 * value + 0.3 * engagement));
        double averageOrder = Math.exp(3.5 + 0.4 * value + 0.3 * random.nextGaussian());
        double spend365d = orders365d == 0 ? 0 : Math.round(orders365d * averageOrder * 100) / 100.0;
        Double avgOrderValue = orders365d == 0 ? null : Math.round(spend365d / orders365d * 100) / 100.0;
        int tickets = RandomDraws.poisson(random, Math.exp(-1.0 - 0.3 * engagement + TICKET_SHIFT[group]));
        Double emailOpenRate = Math.round(SampleGenerator.sigmoid(-0.8 + 0.6 * engagement + 0.5 * random.nextGaussian()) * 1000) / 1000.0;
        int nps = (int) Math.max(0, Math.min(10, Math.round(7 + 1.5 * engagement + 1.2 * random.nextGaussian() - 0.8 * tickets)));
        double discountShare = Math.round(SampleGenerator.sigmoid(-1.5 + 0.6 * random.nextGaussian() - 0.3 * value + DISCOUNT_SHIFT[group]) * 1000) / 1000.0;
        double pChurn = SampleGenerator.sigmoid(SampleGenerator.churnLogit(plan, autoRenew, tenureDays, sessions30d, daysSinceLastLogin,
                tickets, emailOpenRate, nps));
        double pPurchase = SampleGenerator.sigmoid(SampleGenerator.purchaseLogit(channel, device, daysSinceLastLogin, orders90d, spend365d,
                emailOpenRate, discountShare));
        Double pConvert = paid ? null : SampleGenerator.sigmoid(SampleGenerator.conversionLogit(channel, device, tenureDays, sessions30d,
                daysSinceLastLogin, orders90d, emailOpenRate));
        boolean churned = random.nextDouble() < pChurn;
        boolean purchased = random.nextDouble() < pPurchase;
        Boolean converted = pConvert == null ? null : random.nextDouble() < pConvert;
        long accountNumber = 100_000 + random.nextInt(900_000);
        double noiseScore = Math.round((50 + 10 * random.nextGaussian()) * 10) / 10.0;
        GeneratedCustomer customer = new GeneratedCustomer(id, String.format(Locale.ROOT, "c%07d@example.com", sequence), null, channel,
                region, device, plan, autoRenew, tenureDays, sessions30d, daysSinceLastLogin, orders90d, spend365d, avgOrderValue,
                tickets, emailOpenRate, nps, discountShare, pChurn, pPurchase, pConvert, churned, purchased, converted);
        return new PersonaCustomer(customer, group + 1, accountNumber, noiseScore);
    }

    private int group() {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int g = 0; g < SHARES.length; g++) {
            cumulative += SHARES[g];
            if (u < cumulative) {
                return g;
            }
        }
        return SHARES.length - 1;
    }
}
