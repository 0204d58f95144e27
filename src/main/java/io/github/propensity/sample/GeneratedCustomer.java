// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import java.util.Objects;

/**
 * One synthetic customer: observed features, the true probabilities the story assigns, and the drawn outcomes.
 * Optional features are null when missing; {@code pConvert} and {@code converted} are null for paid plans.
 */
public record GeneratedCustomer(String customerId, String email, String phone, String signupChannel, String region,
                                String device, String plan, boolean autoRenew, int tenureDays, int sessions30d,
                                int daysSinceLastLogin, int orders90d, double spend365d, Double avgOrderValue,
                                int supportTickets90d, Double emailOpenRate, Integer npsScore, double discountShare,
                                double pChurn, double pPurchase, Double pConvert,
                                boolean churned, boolean purchased30d, Boolean converted) {
    public GeneratedCustomer {
        Objects.requireNonNull(customerId, "customerId");
        requireProbability(pChurn, "pChurn");
        requireProbability(pPurchase, "pPurchase");
        if (plan.equals("free") != (pConvert != null) || (pConvert == null) != (converted == null)) {
            throw new IllegalArgumentException("conversion applies exactly to free-plan customers");
        }
        if (pConvert != null) {
            requireProbability(pConvert, "pConvert");
        }
        if (tenureDays < 1 || sessions30d < 0 || daysSinceLastLogin < 0 || orders90d < 0 || spend365d < 0
                || supportTickets90d < 0 || discountShare < 0 || discountShare > 1) {
            throw new IllegalArgumentException("feature out of range for " + customerId);
        }
        if (emailOpenRate != null && (emailOpenRate < 0 || emailOpenRate > 1)) {
            throw new IllegalArgumentException("email open rate out of range for " + customerId);
        }
        if (npsScore != null && (npsScore < 0 || npsScore > 10)) {
            throw new IllegalArgumentException("NPS out of range for " + customerId);
        }
    }

    private static void requireProbability(double p, String name) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1, got " + p);
        }
    }
}
