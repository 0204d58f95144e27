// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import java.util.SplittableRandom;

/** The distributions both generators draw from, on the caller's seeded random source. */
final class RandomDraws {
    private RandomDraws() {
    }

    static int poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        // Knuth's multiplication method: exact and fast for the small means of these stories.
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
