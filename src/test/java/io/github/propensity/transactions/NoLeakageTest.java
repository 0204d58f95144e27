// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.transactions;

import io.github.propensity.sample.TransactionSampleGenerator;
import io.github.propensity.sample.TransactionSampleGenerator.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Random;

/**
 * Point-in-time correctness on a generated two-year log: rewriting the future never changes a feature, and
 * rewriting the past never changes a purchase label.
 */
class NoLeakageTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);
    private static final TransactionColumns COLUMNS =
            new TransactionColumns("customer_id", "order_time", null, "quantity", "unit_price", "invoice", "C");

    @TempDir
    Path dir;

    private final List<Line> original = new TransactionSampleGenerator(3).generate(400);

    @Test
    void changingOrAddingTransactionsAfterTheAsOfDateChangesNoFeature() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        List<Line> rewritten = new ArrayList<>();
        for (Line line : original) {
            if (!isAfterAsOf(line)) {
                rewritten.add(line);
            } else if (random.nextDouble() < 0.5) {
                rewritten.add(new Line(line.invoice(), line.customerId(), line.time(), line.quantity() * 3, line.unitPrice() + 1));
            }
        }
        for (int i = 0; i < 300; i++) {
            String customer = random.nextBoolean() ? "C" + String.format("%07d", 1 + random.nextInt(400)) : "NEW" + i;
            rewritten.add(new Line("X" + i, customer, AS_OF.plusDays(1 + random.nextInt(200)).atTime(9, 0), 1 + random.nextInt(5), 40));
        }
        Map<String, CustomerRow> before = rows(original);
        Map<String, CustomerRow> after = rows(rewritten);
        assertEquals(before.keySet(), after.keySet(), "the same customers");
        assertTrue(before.size() > 150, "the test needs a real population, got " + before.size());
        int labelChanges = 0;
        for (String customer : before.keySet()) {
            CustomerRow a = before.get(customer);
            CustomerRow b = after.get(customer);
            assertSameFeatures(customer, a.values(), b.values());
            assertEquals(a.segment(), b.segment());
            labelChanges += a.purchased().equals(b.purchased()) ? 0 : 1;
        }
        assertNotEquals(0, labelChanges, "the rewrite did reach the horizon (labels are allowed to change)");
    }

    @Test
    void changingTransactionsUpToTheAsOfDateChangesNoPurchaseLabel() throws IOException {
        List<Line> rewritten = new ArrayList<>();
        for (Line line : original) {
            rewritten.add(isAfterAsOf(line) ? line
                    : new Line(line.invoice(), line.customerId(), line.time(), line.quantity() + 2, line.unitPrice() * 2));
        }
        for (int c = 1; c <= 400; c += 3) {
            rewritten.add(new Line("P" + c, String.format("C%07d", c), AS_OF.atTime(23, 59), 1, 10));
        }
        Map<String, CustomerRow> before = rows(original);
        Map<String, CustomerRow> after = rows(rewritten);
        int featureChanges = 0;
        for (String customer : before.keySet()) {
            assertEquals(before.get(customer).purchased(), after.get(customer).purchased(), "label of " + customer + " changed");
            featureChanges += Arrays.equals(before.get(customer).values(), after.get(customer).values()) ? 0 : 1;
        }
        assertTrue(featureChanges > 100, "the rewrite did change the past");
    }

    /** Equal up to the rounding of summing the same amounts in another order (the logs are shuffled differently). */
    private static void assertSameFeatures(String customer, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            boolean bothMissing = Double.isNaN(expected[i]) && Double.isNaN(actual[i]);
            assertTrue(bothMissing || Math.abs(expected[i] - actual[i]) <= 1e-9 * Math.max(1, Math.abs(expected[i])),
                    "feature " + i + " of " + customer + " changed: " + expected[i] + " -> " + actual[i]);
        }
    }

    private static boolean isAfterAsOf(Line line) {
        return line.time().toLocalDate().isAfter(AS_OF);
    }

    private Map<String, CustomerRow> rows(List<Line> lines) throws IOException {
        List<String> text = new ArrayList<>(List.of("invoice,customer_id,order_time,quantity,unit_price"));
        // Shuffled: the result must not depend on the log's order either.
        List<Line> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(5));
        for (Line line : shuffled) {
            text.add(line.invoice() + "," + (line.customerId() == null ? "" : line.customerId()) + "," + line.time().toString().replace('T', ' ')
                    + "," + line.quantity() + "," + line.unitPrice());
        }
        Path file = Files.write(Files.createTempFile(dir, "log", ".csv"), text);
        TransactionLog log = new TransactionLogReader(COLUMNS, null, false).read(file, null).log();
        FeatureSettings settings = new FeatureSettings(List.of(AS_OF), 90, 365, LabelChoice.BOTH);
        return new FeatureBuilder(settings).build(log).rows().stream()
                .collect(Collectors.toMap(CustomerRow::customerId, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }
}
