// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import io.github.propensity.data.CustomerTable;
import io.github.propensity.data.Decimals;
import io.github.propensity.evaluation.BinaryEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;

class SampleWriterTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedWritesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        SampleWriter.write(dir.resolve("a.csv"), dir.resolve("a-truth.csv"), 500, 42);
        SampleWriter.write(dir.resolve("b.csv"), dir.resolve("b-truth.csv"), 500, 42);
        SampleWriter.write(dir.resolve("c.csv"), null, 500, 43);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a-truth.csv")), Files.readAllBytes(dir.resolve("b-truth.csv")));
        assertFalse(Files.readString(dir.resolve("a.csv")).equals(Files.readString(dir.resolve("c.csv"))));
    }

    @Test
    void writesTheHeaderAndOneRowPerCustomerWithConversionOnlyForFreePlans() throws IOException {
        SampleWriter.write(dir.resolve("s.csv"), null, 1000, 1);
        CustomerTable table = CustomerTable.read(dir.resolve("s.csv"), null);
        assertEquals(SampleWriter.COLUMNS, table.header());
        assertEquals(1000, table.rowCount());
        int plan = table.columnIndex("plan");
        int converted = table.columnIndex("converted");
        for (String[] row : table.rows()) {
            assertEquals(row[plan].equals("free"), !row[converted].isEmpty(), "converted must be empty exactly for paid plans");
        }
    }

    @Test
    void realizedRatesMatchTheTrueProbabilitiesAndTheTasksAreLearnable() {
        SampleGenerator generator = new SampleGenerator(42);
        int n = 20_000;
        double[] pChurn = new double[n];
        boolean[] churned = new boolean[n];
        double sumPurchase = 0;
        int purchased = 0;
        for (int i = 0; i < n; i++) {
            GeneratedCustomer customer = generator.next();
            pChurn[i] = customer.pChurn();
            churned[i] = customer.churned();
            sumPurchase += customer.pPurchase();
            purchased += customer.purchased30d() ? 1 : 0;
        }
        var report = BinaryEvaluator.evaluate(pChurn, churned);
        double meanChurn = Arrays.stream(pChurn).average().orElseThrow();
        assertEquals(meanChurn, report.baseRate(), 0.02);
        assertEquals(sumPurchase / n, (double) purchased / n, 0.02);
        assertTrue(report.auc() > 0.70 && report.auc() < 0.92, "oracle churn AUC " + report.auc());
        assertTrue(report.ece() < 0.02, "the true probabilities are calibrated by construction");
    }

    @Test
    void gzipOutputIsReadableAndNoTemporaryFileRemains() throws IOException {
        SampleWriter.write(dir.resolve("s.csv.gz"), null, 50, 3);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("s.csv.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("customer_id,email,phone"));
            assertEquals(51, text.split("\n").length);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the finished file remains");
        }
    }

    @Test
    void formatsDecimalsWithoutLocaleOrExponent() {
        assertEquals("1234.50", Decimals.format(1234.5, 2));
        assertEquals("0.005", Decimals.format(0.0049999, 3));
        assertEquals("-0.10", Decimals.format(-0.1, 2));
        assertEquals("0.000000", Decimals.format(1e-9, 6));
    }
}
