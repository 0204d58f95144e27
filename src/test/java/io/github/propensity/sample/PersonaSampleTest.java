// SPDX-License-Identifier: GPL-3.0-or-later
package io.github.propensity.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonaSampleTest {
    @TempDir
    Path folder;

    @Test
    void writesTheNoiseColumnsBeforeTheLabelsAndEachCustomersTruePersona() throws IOException {
        Path base = folder.resolve("base.csv");
        Path truth = folder.resolve("truth.csv");
        SampleWriter.writePersonas(base, truth, 2000, 3);
        List<String> rows = Files.readAllLines(base);
        List<String> truths = Files.readAllLines(truth);
        assertTrue(rows.get(0).endsWith(",discount_share,account_number,noise_score,churned,purchased_30d,converted"), rows.get(0));
        assertEquals("customer_id,p_churn,p_purchase,p_convert,persona", truths.get(0));
        int[] counts = new int[PersonaSampleGenerator.GROUPS.length + 1];
        for (String line : truths.subList(1, truths.size())) {
            String[] fields = line.split(",");
            counts[Integer.parseInt(fields[4])]++;
        }
        assertEquals(0, counts[0]);
        // Shares 25/30/20/25 %: each group within 4 percentage points of its share on 2,000 draws (over 4 binomial sd).
        double[] shares = {0.25, 0.30, 0.20, 0.25};
        for (int g = 1; g <= 4; g++) {
            assertEquals(shares[g - 1], counts[g] / 2000.0, 0.04, "group " + g);
        }
    }

    @Test
    void sameSeedWritesTheSameFilesAndDefaultOutputIsUnchanged() throws IOException {
        SampleWriter.writePersonas(folder.resolve("a.csv"), null, 300, 9);
        SampleWriter.writePersonas(folder.resolve("b.csv"), null, 300, 9);
        assertArrayEquals(Files.readAllBytes(folder.resolve("a.csv")), Files.readAllBytes(folder.resolve("b.csv")));
        // The default sample is the committed one (the committed models depend on it).
        Path sample = folder.resolve("customers.csv");
        Path sampleTruth = folder.resolve("customers-truth.csv");
        SampleWriter.write(sample, sampleTruth, 5000, 42);
        assertArrayEquals(Files.readAllBytes(Path.of("training-data/customers.csv")), Files.readAllBytes(sample));
        assertArrayEquals(Files.readAllBytes(Path.of("training-data/customers-truth.csv")), Files.readAllBytes(sampleTruth));
    }
}
