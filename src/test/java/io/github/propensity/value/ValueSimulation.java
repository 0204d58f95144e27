// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.value;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Customers drawn from the value models' own stories with known parameters, for tests that check a fit recovers
 * them. BG/NBD (time in weeks): λ ~ Gamma(r, rate α), p ~ Beta(a, b); repeat purchases arrive as a Poisson process
 * of rate λ after the first purchase at week 0, and after each repeat purchase the customer drops out with
 * probability p. Gamma-Gamma: ν ~ Gamma(q, rate γ), each order's value ~ Gamma(p, rate ν).
 */
public final class ValueSimulation {
    private final SplittableRandom random;

    public ValueSimulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Gamma(shape, rate) by Marsaglia and Tsang, with the usual boost for shapes below 1. */
    public double gamma(double shape, double rate) {
        if (shape < 1) {
            return gamma(shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }

    public double beta(double a, double b) {
        double x = gamma(a, 1);
        double y = gamma(b, 1);
        return x / (x + y);
    }

    public int uniformInt(int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    public double uniform() {
        return random.nextDouble();
    }

    /**
     * The days (from the first purchase, day 0) of one customer's purchases in {@code [0, ageDays]}, the first
     * purchase included: each purchase time rounded to the nearest day, same-day purchases counted once.
     * {@code dropout} 0 means the customer never leaves.
     */
    public List<Integer> purchaseDays(double lambda, double dropout, int ageDays) {
        List<Integer> days = new ArrayList<>(List.of(0));
        double weeks = 0;
        double ageWeeks = ageDays / 7.0;
        while (lambda > 0) {
            weeks += -Math.log(1 - random.nextDouble()) / lambda;
            if (weeks > ageWeeks) {
                break;
            }
            int day = Math.min(ageDays, (int) Math.round(weeks * 7));
            if (day != days.get(days.size() - 1)) {
                days.add(day);
            }
            if (random.nextDouble() < dropout) {
                break;
            }
        }
        return days;
    }

    /**
     * BG/NBD histories of {@code customers} customers observed for a whole number of days between 26 and 78 weeks;
     * with {@code orderValue}, each repeat day is worth a Gamma-Gamma order value (else the mean repeat value is 1).
     */
    public PurchaseHistories bgNbdHistories(int customers, BgNbd truth, GammaGamma orderValue) {
        return histories(customers, truth.r(), truth.alpha(), truth.a(), truth.b(), orderValue);
    }

    /** NBD histories: BG/NBD's story with p = 0, nobody ever drops out. */
    public PurchaseHistories nbdHistories(int customers, Nbd truth, GammaGamma orderValue) {
        return histories(customers, truth.r(), truth.alpha(), 0, 0, orderValue);
    }

    private PurchaseHistories histories(int customers, double r, double alpha, double a, double b, GammaGamma orderValue) {
        int[] frequency = new int[customers];
        int[] recency = new int[customers];
        int[] age = new int[customers];
        double[] mean = new double[customers];
        for (int i = 0; i < customers; i++) {
            double lambda = gamma(r, alpha);
            double dropout = a > 0 ? beta(a, b) : 0;
            age[i] = uniformInt(26 * 7, 78 * 7);
            List<Integer> days = purchaseDays(lambda, dropout, age[i]);
            frequency[i] = days.size() - 1;
            recency[i] = days.get(days.size() - 1);
            mean[i] = frequency[i] == 0 ? Double.NaN : orderValue == null ? 1 : meanOrderValue(orderValue, frequency[i]);
        }
        return new PurchaseHistories(frequency, recency, age, mean);
    }

    /** The mean of x order values of one customer drawn from the Gamma-Gamma story. */
    public double meanOrderValue(GammaGamma truth, int x) {
        double nu = gamma(truth.q(), truth.gamma());
        double sum = 0;
        for (int k = 0; k < x; k++) {
            sum += gamma(truth.p(), nu);
        }
        return sum / x;
    }

    /**
     * Writes a transaction log ({@code customer,date,amount}) of BG/NBD customers whose first purchases are spread
     * uniformly over {@code firstPurchases} days from {@code start}; every purchase until {@code end} is a line, its
     * amount a Gamma-Gamma order value rounded to cents. Returns the number of lines.
     */
    public int writeLog(Path file, int customers, BgNbd purchases, GammaGamma orderValue, LocalDate start, int firstPurchases,
                        LocalDate end) throws IOException {
        TreeMap<LocalDate, List<String>> byDate = new TreeMap<>();
        for (int i = 0; i < customers; i++) {
            String id = String.format(Locale.ROOT, "K%05d", i);
            LocalDate first = start.plusDays(random.nextInt(firstPurchases));
            double lambda = gamma(purchases.r(), purchases.alpha());
            double dropout = beta(purchases.a(), purchases.b());
            double nu = gamma(orderValue.q(), orderValue.gamma());
            int ageDays = (int) (end.toEpochDay() - first.toEpochDay());
            for (int day : purchaseDays(lambda, dropout, ageDays)) {
                double amount = Math.max(0.01, Math.round(gamma(orderValue.p(), nu) * 100) / 100.0);
                byDate.computeIfAbsent(first.plusDays(day), d -> new ArrayList<>())
                        .add(id + "," + first.plusDays(day) + "," + String.format(Locale.ROOT, "%.2f", amount));
            }
        }
        int lines = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer,date,amount\n");
            for (List<String> day : byDate.values()) {
                for (String line : day) {
                    out.write(line);
                    out.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }
}
