// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.uplift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Generated campaign results with a known effect: customers are randomized 50/50 between "offer" and "none" (plus a
 * few of a third arm, "other"); without the offer 10 % visit; with it 10 % + {@code effect} x affinity, so the
 * offer works only for customers with a high {@code affinity} (0-1). {@code noise} is unrelated to anything.
 */
public final class CampaignFiles {
    private CampaignFiles() {
    }

    public static Path write(Path file, int rows, double effect, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("customer_id,affinity,noise,region,arm,visit\n");
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < rows; i++) {
            double affinity = random.nextDouble();
            double u = random.nextDouble();
            String arm = u < 0.02 ? "other" : u < 0.51 ? "offer" : "none";
            double p = 0.1 + (arm.equals("offer") ? effect * affinity : 0);
            csv.append(String.format(Locale.ROOT, "c%06d,%.4f,%.3f,%s,%s,%s%n", i, affinity, random.nextGaussian(),
                    regions[random.nextInt(3)], arm, random.nextDouble() < p ? "yes" : "no"));
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
