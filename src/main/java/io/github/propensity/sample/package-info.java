// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A synthetic customer base with known true probabilities: the shipped sample, test data and benchmark input.
 *
 * <h2>The story</h2>
 * A subscription shop (think meal kits) with free, basic and premium plans. Each customer has two hidden traits:
 * engagement {@code e ~ N(0,1)} (shifted by signup channel: referral +0.3, email +0.1, paid search -0.1, social -0.15,
 * affiliate -0.25) and value {@code v = 0.3 e + 0.95 N(0,1)}. Everything observed derives from them with noise:
 * <ul>
 *   <li>plan: free when {@code v + 0.8 N < -0.33} (about 40 %), premium above 1.05 (about 20 %), else basic;
 *       auto_renew (paid plans only) with probability {@code sigmoid(0.4 + 0.8 e)};</li>
 *   <li>tenure_days = {@code exp(5.3 + 0.9 N + 0.2 e)} within 1..2000; sessions_30d ~ Poisson({@code exp(1.8 + 0.7 e)});
 *       days_since_last_login ~ Exponential(mean {@code exp(2.0 - 0.9 e)}) within 0..365;</li>
 *   <li>orders_90d ~ Poisson({@code exp(0.1 + 0.5 v + 0.4 e)}); orders in the year add Poisson({@code exp(0.7 + 0.5 v + 0.3 e)});
 *       spend_365d = orders x {@code exp(3.5 + 0.4 v + 0.3 N)}; avg_order_value is empty without orders;</li>
 *   <li>support_tickets_90d ~ Poisson({@code exp(-1 - 0.3 e + 0.2 [premium])}); email_open_rate =
 *       {@code sigmoid(-0.8 + 0.6 e + 0.5 N)}, empty for 8 % (no consent); nps_score = {@code 7 + 1.5 e + 1.2 N - 0.8 tickets}
 *       within 0..10, empty for 45 % (not surveyed); discount_share = {@code sigmoid(-1.5 + 0.6 N - 0.3 v)};</li>
 *   <li>signup_channel, region (no effect at all: a noise feature), device; e-mail addresses (@example.com, some
 *       upper-case or padded) and fictional 555-01xx phone numbers in mixed formats, 20 % missing, for the
 *       normalization and hashing of audience exports.</li>
 * </ul>
 * The outcomes are Bernoulli draws of true probabilities that depend on the <em>observed</em> features only, so a
 * model can in principle recover them exactly; each has a non-linearity or an interaction that trees can use:
 * <pre>
 * logit P(churned)      = -0.75 + 0.9 log1p(max(0, days_since_last_login - 14) / 14) - 0.35 log1p(sessions_30d)
 *                         + (free ? 0.25 : 0.55) tickets - 0.8 [auto_renew] + 0.5 [free] - 0.3 log1p(tenure_days / 90)
 *                         + (open rate missing ? 0.2 : -1.5 (email_open_rate - 0.3)) + (nps missing ? 0 : -0.12 (nps - 7))
 * logit P(purchased_30d) = -1.65 + 0.7 log1p(orders_90d) + 0.3 log1p(spend_365d / 100) - 0.6 log1p(days_since_last_login / 7)
 *                         + 1.2 discount_share + 0.3 [ios] + 0.4 [email channel] + (missing ? -0.1 : 1.5 (email_open_rate - 0.3))
 * logit P(converted)    = -2.8 + 0.55 log1p(sessions_30d) - 0.45 log1p(days_since_last_login / 7) + 0.7 [referral]
 *                         + 0.4 [web] + 0.35 log1p(orders_90d) - 0.5 max(0, ln(tenure_days / 90))
 *                         + (missing ? 0 : 1.2 (email_open_rate - 0.3))          (free plan only; empty otherwise)
 * </pre>
 * With seed 42 and 20,000 customers: churn 22.0 % (oracle AUC 0.772), purchase 31.4 % (0.726), conversion 12.2 % of
 * free-plan customers (0.729). The oracle AUC is what the true probabilities achieve: no model can do better on
 * average, which makes it the yardstick for models trained on this data.
 */
package io.github.propensity.sample;
