// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.personas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A base of well-separated groups for the persona tests: four groups whose means sit 5 standard deviations apart on
 * two of four behaviour columns, a plan that mostly follows the group, and three columns without group structure
 * (an account number, a uniformly drawn tenure, Gaussian noise).
 */
final class SyntheticBase {
    static final double[][] MEANS = {{0, 0, 0, 0}, {5, 5, 0, 0}, {0, 5, 5, 0}, {5, 0, 0, 5}};
    static final String[] PLANS = {"free", "basic", "premium", "basic"};

    private SyntheticBase() {
    }

    /**
     * Writes {@code customers} rows drawn from the listed groups; returns each row's true group.
     *
     * @param groups the groups to draw from, equally often
     */
    static int[] write(Path file, int customers, long seed, int... groups) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,visits,orders,tickets,discounts,plan,account_number,tenure_days,noise");
        int[] truth = new int[customers];
        for (int i = 0; i < customers; i++) {
            int group = groups[random.nextInt(groups.length)];
            truth[i] = group;
            double[] mean = MEANS[group];
            String plan = random.nextDouble() < 0.8 ? PLANS[group] : PLANS[random.nextInt(PLANS.length)];
            lines.add(String.format(Locale.ROOT, "K%06d,%.3f,%.3f,%.3f,%.3f,%s,%d,%d,%.3f", i, mean[0] + random.nextGaussian(),
                    mean[1] + random.nextGaussian(), mean[2] + random.nextGaussian(), mean[3] + random.nextGaussian(), plan,
                    1_000_000 + random.nextInt(9_000_000), 1 + random.nextInt(2000), random.nextGaussian()));
        }
        Files.write(file, lines);
        return truth;
    }
}
