// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import java.util.SplittableRandom;
import java.util.Locale;

/**
 * Draws customers one at a time from the generative story documented in {@code package-info.java}.
 * Deterministic for a seed; constant memory, so it can stream a million customers.
 */
public final class SampleGenerator {
    private static final String[] CHANNELS = {"organic", "paid_search", "social", "referral", "email", "affiliate"};
    private static final double[] CHANNEL_SHARES = {0.30, 0.20, 0.15, 0.12, 0.13, 0.10};
    private static final double[] CHANNEL_ENGAGEMENT = {0.0, -0.1, -0.15, 0.3, 0.1, -0.25};
    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};
    private static final String[] DEVICES = {"ios", "android", "web"};
    private static final double[] DEVICE_SHARES = {0.35, 0.40, 0.25};
    private static final int[] AREA_CODES = {212, 312, 415, 617, 206, 305, 512, 720};

    private final SplittableRandom random;
    private long sequence;

    public SampleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public GeneratedCustomer next() {
        sequence++;
        String id = String.format(Locale.ROOT, "C%07d", sequence);
        double engagement = random.nextGaussian();
        double value = 0.3 * engagement + Math.sqrt(1 - 0.09) * random.nextGaussian();

        String channel = CHANNELS[pick(CHANNEL_SHARES)];
        engagement += CHANNEL_ENGAGEMENT[indexOf(CHANNELS, channel)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String device = DEVICES[pick(DEVICE_SHARES)];
        double planScore = value + 0.8 * random.nextGaussian();
        String plan = planScore < -0.33 ? "free" : planScore > 1.05 ? "premium" : "basic";
        boolean paid = !plan.equals("free");
        boolean autoRenew = paid && random.nextDouble() < sigmoid(0.4 + 0.8 * engagement);

        int tenureDays = (int) clamp(Math.round(Math.exp(5.3 + 0.9 * random.nextGaussian() + 0.2 * engagement)), 1, 2000);
        int sessions30d = RandomDraws.poisson(random, Math.exp(1.8 + 0.7 * engagement));
        int daysSinceLastLogin = (int) clamp(Math.round(RandomDraws.exponential(random, Math.exp(2.0 - 0.9 * engagement))), 0, 365);
        int orders90d = RandomDraws.poisson(random, Math.exp(0.1 + 0.5 * value + 0.4 * engagement));
        int orders365d = orders90d + RandomDraws.poisson(random, Math.exp(0.7 + 0.5 * value + 0.3 * engagement));
        double averageOrder = Math.exp(3.5 + 0.4 * value + 0.3 * random.nextGaussian());
        double spend365d = orders365d == 0 ? 0 : round(orders365d * averageOrder, 2);
        Double avgOrderValue = orders365d == 0 ? null : round(spend365d / orders365d, 2);
        int tickets = RandomDraws.poisson(random, Math.exp(-1.0 - 0.3 * engagement + (plan.equals("premium") ? 0.2 : 0)));
        Double emailOpenRate = random.nextDouble() < 0.08 ? null
                : round(sigmoid(-0.8 + 0.6 * engagement + 0.5 * random.nextGaussian()), 3);
        Integer nps = random.nextDouble() < 0.45 ? null
                : (int) clamp(Math.round(7 + 1.5 * engagement + 1.2 * random.nextGaussian() - 0.8 * tickets), 0, 10);
        double discountShare = round(sigmoid(-1.5 + 0.6 * random.nextGaussian() - 0.3 * value), 3);

        double pChurn = sigmoid(churnLogit(plan, autoRenew, tenureDays, sessions30d, daysSinceLastLogin, tickets, emailOpenRate, nps));
        double pPurchase = sigmoid(purchaseLogit(channel, device, daysSinceLastLogin, orders90d, spend365d, emailOpenRate, discountShare));
        Double pConvert = paid ? null
                : sigmoid(conversionLogit(channel, device, tenureDays, sessions30d, daysSinceLastLogin, orders90d, emailOpenRate));
        boolean churned = random.nextDouble() < pChurn;
        boolean purchased = random.nextDouble() < pPurchase;
        Boolean converted = pConvert == null ? null : random.nextDouble() < pConvert;

        return new GeneratedCustomer(id, email(sequence), phone(), channel, region, device, plan, autoRenew, tenureDays,
                sessions30d, daysSinceLastLogin, orders90d, spend365d, avgOrderValue, tickets, emailOpenRate, nps,
                discountShare, pChurn, pPurchase, pConvert, churned, purchased, converted);
    }

    static double churnLogit(String plan, boolean autoRenew, int tenureDays, int sessions30d, int daysSinceLastLogin,
                             int tickets, Double emailOpenRate, Integer nps) {
        double logit = -0.75
                + 0.9 * Math.log1p(Math.max(0, daysSinceLastLogin - 14) / 14.0)
                - 0.35 * Math.log1p(sessions30d)
                + (plan.equals("free") ? 0.25 : 0.55) * tickets
                - 0.8 * (autoRenew ? 1 : 0)
                + 0.5 * (plan.equals("free") ? 1 : 0)
                - 0.3 * Math.log1p(tenureDays / 90.0);
        logit += emailOpenRate == null ? 0.2 : -1.5 * (emailOpenRate - 0.3);
        logit += nps == null ? 0 : -0.12 * (nps - 7);
        return logit;
    }

    static double purchaseLogit(String channel, String device, int daysSinceLastLogin, int orders90d, double spend365d,
                                Double emailOpenRate, double discountShare) {
        double logit = -1.65
                + 0.7 * Math.log1p(orders90d)
                + 0.3 * Math.log1p(spend365d / 100.0)
                - 0.6 * Math.log1p(daysSinceLastLogin / 7.0)
                + 1.2 * discountShare
                + (device.equals("ios") ? 0.3 : 0)
                + (channel.equals("email") ? 0.4 : 0);
        logit += emailOpenRate == null ? -0.1 : 1.5 * (emailOpenRate - 0.3);
        return logit;
    }

    static double conversionLogit(String channel, String device, int tenureDays, int sessions30d, int daysSinceLastLogin,
                                  int orders90d, Double emailOpenRate) {
        double logit = -2.8
                + 0.55 * Math.log1p(sessions30d)
                - 0.45 * Math.log1p(daysSinceLastLogin / 7.0)
                + (channel.equals("referral") ? 0.7 : 0)
                + (device.equals("web") ? 0.4 : 0)
                + 0.35 * Math.log1p(orders90d)
                // Trial customers decide early: conversion chances fade after the first three months.
                - 0.5 * Math.max(0, Math.log(tenureDays / 90.0));
        logit += emailOpenRate == null ? 0 : 1.2 * (emailOpenRate - 0.3);
        return logit;
    }

    private String email(long number) {
        String local = String.format(Locale.ROOT, "c%07d", number);
        double style = random.nextDouble();
        if (style < 0.10) {
            return Character.toUpperCase(local.charAt(0)) + local.substring(1) + "@Example.com";
        }
        if (style < 0.15) {
            return " " + local + "@example.com ";
        }
        return local + "@example.com";
    }

    private String phone() {
        if (random.nextDouble() < 0.20) {
            return null;
        }
        int area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        // 555-0100 to 555-0199 are reserved for fiction in the North American numbering plan.
        int line = 100 + random.nextInt(100);
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "(%d) 555-%04d", area, line);
            case 1 -> String.format(Locale.ROOT, "+1 %d-555-%04d", area, line);
            default -> String.format(Locale.ROOT, "%d.555.%04d", area, line);
        };
    }

    private int pick(double[] shares) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException(value);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
