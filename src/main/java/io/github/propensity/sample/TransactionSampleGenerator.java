// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Locale;

/**
 * A synthetic order-line log for the {@code features} command: the shipped {@code training-data/transactions.csv}
 * and test input.
 *
 * <h2>The story</h2>
 * An online shop over two years (2023-01-01 to 2024-12-31), told the way "buy till you die" models of customer
 * bases tell it. Each customer first buys on a day drawn uniformly over the first 21 months, then:
 * <ul>
 *   <li>buys again after Exponential waits with a personal rate {@code λ = exp(ln(1/45) + 0.8 N)} per day
 *       (about one order every 45 days for the median customer), 40 % faster in November and December;</li>
 *   <li>after every order drops out for good with a personal probability {@code 0.04 + 0.36 U²}: some customers
 *       stay for years, some leave after one order, and nothing in the log says who has left;</li>
 *   <li>orders have {@code 1 + Poisson(1.5)} lines of {@code 1 + Poisson(0.6)} items at a unit price around a
 *       personal level {@code exp(2.3 + 0.5 N)};</li>
 *   <li>4 % of orders are followed 1 to 20 days later by a cancellation invoice ({@code C} + number) returning
 *       one of their lines (negative quantity);</li>
 *   <li>1 % of lines have no customer id (guest checkouts).</li>
 * </ul>
 * Deterministic for a seed.
 */
public final class TransactionSampleGenerator {
    public static final LocalDate START = LocalDate.of(2023, 1, 1);
    public static final LocalDate END = LocalDate.of(2024, 12, 31);
    public static final List<String> COLUMNS = List.of("invoice", "customer_id", "order_time", "quantity", "unit_price");
    private static final int FIRST_PURCHASE_DAYS = 640;

    /** One order line as written to the log; {@code customerId} null for a guest checkout. */
    public record Line(String invoice, String customerId, LocalDateTime time, int quantity, double unitPrice) {
    }

    private final SplittableRandom random;
    private int invoiceNumber = 100_000;

    public TransactionSampleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Every line of {@code customers} customers, in time order. */
    public List<Line> generate(int customers) {
        List<Line> lines = new ArrayList<>();
        int lastDay = (int) (END.toEpochDay() - START.toEpochDay());
        for (int c = 1; c <= customers; c++) {
            String id = String.format(Locale.ROOT, "C%07d", c);
            double rate = Math.exp(Math.log(1 / 45.0) + 0.8 * random.nextGaussian());
            double u = random.nextDouble();
            double dropout = 0.04 + 0.36 * u * u;
            double priceLevel = Math.exp(2.3 + 0.5 * random.nextGaussian());
            double day = random.nextInt(FIRST_PURCHASE_DAYS);
            while (day <= lastDay) {
                order(id, (int) day, priceLevel, lastDay, lines);
                if (random.nextDouble() < dropout) {
                    break;
                }
                day += wait(rate, (int) day);
            }
        }
        lines.sort(Comparator.comparing(Line::time).thenComparing(Line::invoice));
        return lines;
    }

    private void order(String id, int day, double priceLevel, int lastDay, List<Line> lines) {
        String invoice = Integer.toString(invoiceNumber++);
        LocalDateTime time = START.plusDays(day).atTime(8 + random.nextInt(14), random.nextInt(60));
        boolean guest = random.nextDouble() < 0.01;
        int lineCount = 1 + RandomDraws.poisson(random, 1.5);
        Line returnable = null;
        for (int l = 0; l < lineCount; l++) {
            double price = Math.round(priceLevel * Math.exp(0.4 * random.nextGaussian()) * 100) / 100.0;
            Line line = new Line(invoice, guest ? null : id, time, 1 + RandomDraws.poisson(random, 0.6), Math.max(0.5, price));
            lines.add(line);
            returnable = line;
        }
        if (!guest && random.nextDouble() < 0.04) {
            int returnDay = day + 1 + random.nextInt(20);
            if (returnDay <= lastDay) {
                lines.add(new Line("C" + invoiceNumber++, id, START.plusDays(returnDay).atTime(10, 0),
                        -returnable.quantity(), returnable.unitPrice()));
            }
        }
    }

    /** Days until the next order: Exponential with the customer's rate, faster in the holiday season. */
    private double wait(double rate, int day) {
        int month = START.plusDays(day).getMonthValue();
        double seasonal = month >= 11 ? 1.4 : 1.0;
        return Math.max(1, RandomDraws.exponential(random, 1 / (rate * seasonal)));
    }
}
