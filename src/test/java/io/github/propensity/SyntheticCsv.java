// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A small labelled customer file with a known logistic truth, for tests that need to train quickly:
 * P(churned) = sigmoid(-1 + 1.2 * z(tenure_gap) + 0.8 * [plan = free] - 0.6 * [auto_renew = yes]).
 */
public final class SyntheticCsv {
    private SyntheticCsv() {
    }

    public static Path write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,tenure_gap,plan,auto_renew,region,churned\n");
            for (int i = 0; i < rows; i++) {
                double gap = random.nextGaussian();
                String plan = random.nextDouble() < 0.4 ? "free" : random.nextBoolean() ? "basic" : "premium";
                boolean renew = random.nextDouble() < 0.5;
                String region = new String[]{"north", "south", "east", "west"}[random.nextInt(4)];
                double logit = -1 + 1.2 * gap + (plan.equals("free") ? 0.8 : 0) - (renew ? 0.6 : 0);
                boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                String gapText = random.nextDouble() < 0.05 ? "" : String.format(Locale.ROOT, "%.3f", 30 + 10 * gap);
                out.write(String.format(Locale.ROOT, "C%06d,%s,%s,%s,%s,%s%n", i, gapText, plan, renew ? "yes" : "no", region,
                        churned ? "yes" : "no"));
            }
        }
        return file;
    }
}
